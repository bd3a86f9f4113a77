using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Training.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Tests.Api;

public sealed class LearningPathTests(TrainingFixture service) : IClassFixture<TrainingFixture>
{
    private static AccessRequestApproved Approval(Guid personId, params Responsibility[] responsibilities) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        AccessRequestId = Guid.NewGuid().ToString(),
        AgencyId = TestTokens.DefaultAgencyId,
        Applicant = new Applicant { PersonId = personId.ToString(), GivenName = "Test", FamilyName = "Person", Email = "t.person@agency.example.org" },
        Access = new Access
        {
            Responsibilities = { responsibilities.Length == 0 ? [Responsibility.EnterClientData] : responsibilities },
            ProjectTypes = { ProjectType.EmergencyShelter },
        },
    };

    private async Task<LearningPath> EnrolledPathAsync(AccessRequestApproved approval)
    {
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), approval);
        return await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await service.Client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = approval.Applicant.PersonId })).LearningPath;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                return null;
            }
        }, path => path is not null) ?? throw new InvalidOperationException();
    }

    private Task<RecordCourseProgressResponse> Progress(Guid personId, string course, int percent) =>
        service.Lms.RecordCourseProgressAsync(new RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            PersonId = personId.ToString(),
            CourseCode = course,
            Percent = percent,
        }).ResponseAsync;

    [Fact]
    public async Task Approval_DeliveredTwice_EnrolsOneStandardPath()
    {
        var person = Guid.NewGuid();
        var approval = Approval(person);
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), approval);

        var path = await EnrolledPathAsync(approval);
        await service.CaughtUpAsync(AccessRequestApproved.Descriptor);
        await service.OutboxSentAsync();

        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], path.Courses.Select(c => c.CourseCode));
        Assert.Equal(1, await service.QueryAsync(db => db.LearningPaths.CountAsync(p => p.PersonId == person)));
        var enrolments = await service.Redis.ReadAllAsync<TrainingEnrolled>(service.StreamOf(TrainingEnrolled.Descriptor));
        Assert.Single(enrolments, e => e.PersonId == person.ToString());
    }

    [Fact]
    public async Task Progress_OnRestrictedCourse_FailsPreconditionNamingIntroduction()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));

        var error = await RpcErrors.CatchAsync(() => Progress(person, "ES_TH_SH", 10));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("PREREQUISITE_NOT_MET", error.Reason());
        Assert.Equal(["INTRO_HMIS"], error.FailedPreconditionSubjects());
    }

    [Fact]
    public async Task Progress_LowerThanBefore_NeverLowersIt()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));

        await Progress(person, "INTRO_HMIS", 60);
        var after = (await Progress(person, "INTRO_HMIS", 30)).LearningPath;

        var intro = after.Courses.Single(c => c.CourseCode == "INTRO_HMIS");
        Assert.Equal(60, intro.Percent);
        Assert.Equal(CourseStatus.InProgress, intro.Status);
    }

    [Fact]
    public async Task Progress_AllCoursesComplete_PublishesTrainingCompletedOnce()
    {
        var person = Guid.NewGuid();
        var path = await EnrolledPathAsync(Approval(person));

        foreach (var course in path.Courses)
        {
            await Progress(person, course.CourseCode, 100);
        }
        await Progress(person, "INTRO_HMIS", 100);

        await service.OutboxSentAsync();
        var completions = await service.Redis.ReadAllAsync<TrainingCompleted>(service.StreamOf(TrainingCompleted.Descriptor));
        var completion = Assert.Single(completions, c => c.PersonId == person.ToString());
        Assert.Equal([ProjectType.EmergencyShelter], completion.ProjectTypes);
        // What the assignment's prerequisites are checked against: every course, its part, and when it was completed.
        Assert.Equal(path.Courses.Select(c => c.CourseCode), completion.Courses.Select(c => c.CourseCode));
        Assert.Equal(CompletedCourseKind.Introduction, completion.Courses.Single(c => c.CourseCode == "INTRO_HMIS").Kind);
        Assert.Contains(completion.Courses, c => c.Kind == CompletedCourseKind.DataManagement);
        Assert.Contains(completion.Courses, c => c.Kind == CompletedCourseKind.Project);
        Assert.All(completion.Courses, c => Assert.InRange(c.CompletedAt.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Progress_OutOfRange_IsInvalidArgumentOnPercent()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));

        var error = await RpcErrors.CatchAsync(() => Progress(person, "INTRO_HMIS", 101));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["percent"], error.ViolatedFields());
    }

    [Fact]
    public async Task LearningPath_OfAnotherAgencysPerson_AnswersLikeAMissingOne()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));
        var otherAgency = new Hmis.Training.V1.Training.TrainingClient(service.ChannelWithToken(TestTokens.Issue(agencyId: Guid.NewGuid().ToString())));

        var foreign = await RpcErrors.CatchAsync(() => otherAgency.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() }).ResponseAsync);
        var missing = await RpcErrors.CatchAsync(() => otherAgency.GetLearningPathAsync(new GetLearningPathRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal((missing.StatusCode, missing.Status.Detail), (foreign.StatusCode, foreign.Status.Detail));
    }

    [Fact]
    public async Task Progress_FromTheAgencysOwnSystem_OrItsAta_IsRefused_AndChangesNothing()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));
        var ata = new Hmis.Training.V1.Training.TrainingClient(service.ChannelWithToken(TestTokens.Person(Guid.NewGuid(), "ata")));

        foreach (var agency in new[] { service.Client, ata })
        {
            var refused = await RpcErrors.CatchAsync(() => agency.RecordCourseProgressAsync(new RecordCourseProgressRequest
            {
                RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), CourseCode = "INTRO_HMIS", Percent = 100,
            }).ResponseAsync);
            Assert.Equal((StatusCode.PermissionDenied, "ONLY_LMS_REPORTS_PROGRESS"), (refused.StatusCode, refused.Reason()));
        }

        var path = (await service.Client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() })).LearningPath;
        Assert.Equal(0, path.Courses.Single(c => c.CourseCode == "INTRO_HMIS").Percent);
    }

    [Fact]
    public async Task Progress_KeepsEveryReportWithItsReporter_InAnAppendOnlyRecord()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));
        var pathId = await service.QueryAsync(db => db.LearningPaths.Where(p => p.PersonId == person).Select(p => p.Id).SingleAsync());
        await Progress(person, "INTRO_HMIS", 40);
        await new Hmis.Training.V1.Training.TrainingClient(service.HmisTeamChannel).RecordCourseProgressAsync(new RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), CourseCode = "INTRO_HMIS", Percent = 100, Source = "ticket 5120",
        });

        var reports = await service.QueryAsync(db => db.Set<HmisPlatform.Training.Domain.LearningPaths.ProgressReport>()
            .Where(r => r.LearningPathId == pathId).OrderBy(r => r.Id).ToListAsync());
        var rewrite = await Assert.ThrowsAnyAsync<Exception>(() => service.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE progress_reports SET percent = 100 WHERE learning_path_id = {pathId}")));

        Assert.Equal([("hmis-lms", "lms", 40, ""), ("test-system", "hmis_team", 100, "ticket 5120")],
            reports.Select(r => (r.ReportedBy.Subject, r.ReportedBy.Role, r.Percent, r.Source)));
        Assert.Contains("append-only", rewrite.Message);
    }

    [Fact]
    public async Task TheCeTeam_RecordsTheHousingResourceSpecialistTraining_ButNoOtherCourse()
    {
        var person = Guid.NewGuid();
        var approval = Approval(person);
        approval.Access.ProjectTypes.Clear();
        approval.Access.ProjectTypes.Add(ProjectType.CoordinatedEntry1474);
        await EnrolledPathAsync(approval);
        var ceTeam = new Hmis.Training.V1.Training.TrainingClient(service.ChannelWithToken(TestTokens.Person(Guid.NewGuid(), "ce_team", agencyId: null)));
        await Progress(person, "INTRO_HMIS", 100);

        var seen = (await ceTeam.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() })).LearningPath;
        var hrs = (await ceTeam.RecordCourseProgressAsync(new RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), CourseCode = "HOUSING_RESOURCE_SPECIALIST", Percent = 100, Source = "CE live session",
        })).LearningPath;
        var other = await RpcErrors.CatchAsync(() => ceTeam.RecordCourseProgressAsync(new RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), CourseCode = "DATA_MANAGEMENT", Percent = 100,
        }).ResponseAsync);

        Assert.Contains(seen.Courses, c => c.CourseCode == "HOUSING_RESOURCE_SPECIALIST");
        Assert.Equal(CourseStatus.Complete, hrs.Courses.Single(c => c.CourseCode == "HOUSING_RESOURCE_SPECIALIST").Status);
        Assert.Equal((StatusCode.PermissionDenied, "ONLY_LMS_REPORTS_PROGRESS"), (other.StatusCode, other.Reason()));
    }

    [Fact]
    public async Task TheCeTeam_DoesNotSeePathsWithoutItsRoleTraining()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));
        var ceTeam = new Hmis.Training.V1.Training.TrainingClient(service.ChannelWithToken(TestTokens.Person(Guid.NewGuid(), "ce_team", agencyId: null)));

        var refused = await RpcErrors.CatchAsync(() => ceTeam.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task TheHmisTeam_TailorsAPath_Once_AndItsReasonAndReviewerAreKept_TheAgencyCannot()
    {
        var person = Guid.NewGuid();
        await EnrolledPathAsync(Approval(person));
        var hmisTeam = new Hmis.Training.V1.Training.TrainingClient(service.ChannelWithToken(TestTokens.HmisTeam()));
        var tailor = new TailorLearningPathRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), AddCourses = { "SERVICES_ONLY" }, Reason = "Also staffs the services desk",
        };

        var tailored = (await hmisTeam.TailorLearningPathAsync(tailor)).LearningPath;
        var retried = (await hmisTeam.TailorLearningPathAsync(tailor)).LearningPath;
        var byAgency = await RpcErrors.CatchAsync(() => service.Client.TailorLearningPathAsync(new TailorLearningPathRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), OmitCourses = { "SERVICES_ONLY" }, Reason = "Not needed",
        }).ResponseAsync);
        var required = await RpcErrors.CatchAsync(() => hmisTeam.TailorLearningPathAsync(new TailorLearningPathRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), OmitCourses = { "ES_TH_SH" }, Reason = "Not needed",
        }).ResponseAsync);

        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "SERVICES_ONLY", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], tailored.Courses.Select(c => c.CourseCode));
        Assert.Equal(CourseStatus.Restricted, tailored.Courses.Single(c => c.CourseCode == "SERVICES_ONLY").Status);
        Assert.Equal(tailored.Courses, retried.Courses);
        Assert.Equal(StatusCode.PermissionDenied, byAgency.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, "omit_courses[0]"), (required.StatusCode, required.ViolatedFields().Single()));
        var kept = await service.QueryAsync(db => db.Set<HmisPlatform.Training.Domain.LearningPaths.PathTailoring>()
            .Where(t => t.Reason == "Also staffs the services desk").ToListAsync());
        Assert.Equal(PlatformIdentity.HmisTeamRole, Assert.Single(kept).TailoredBy.Role);
    }
}
