using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Training.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Testing;
using HmisPlatform.Training.Infrastructure;
using HmisPlatform.Training.IntegrationEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HmisPlatform.Training.Tests.Api;

/// <summary>Recency, reminders and path shapes through the API, with the sweep run on a clock the test moves.</summary>
public sealed class RecencyTests(TrainingFixture service) : IClassFixture<TrainingFixture>
{
    private TrainingRecencySweep SweepAt(DateTimeOffset at) => new(
        service.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(at), Options.Create(new TrainingOptions()),
        service.Services.GetRequiredService<OutboxSignal>(), NullLogger<TrainingRecencySweep>.Instance);

    private static AccessRequestApproved Approval(Guid person, ProjectType[] projectTypes, string transferPath = "FULL_TRAINING", ProjectType[]? toTrain = null) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        AccessRequestId = Guid.NewGuid().ToString(),
        AgencyId = TestTokens.DefaultAgencyId,
        Applicant = new Applicant { PersonId = person.ToString(), GivenName = "Rene", FamilyName = "Cency", Email = "rene@agency.example.org" },
        Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { projectTypes } },
        TransferPath = transferPath,
        ProjectTypesToTrain = { toTrain ?? [] },
    };

    private async Task<LearningPath> PathAsync(Guid person, Func<LearningPath, bool>? until = null) =>
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await service.Client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() })).LearningPath;
            }
            catch (global::Grpc.Core.RpcException)
            {
                return null;
            }
        }, p => p is not null && (until is null || until(p))) ?? throw new InvalidOperationException();

    private async Task<LearningPath> CompleteAsync(Guid person, DateTimeOffset at)
    {
        var path = await PathAsync(person);
        foreach (var course in path.Courses)
        {
            path = (await service.Lms.RecordCourseProgressAsync(new RecordCourseProgressRequest
            {
                RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), CourseCode = course.CourseCode, Percent = 100,
                ReportedAt = Timestamp.FromDateTimeOffset(at), Source = "lms",
            })).LearningPath;
        }
        return path;
    }

    [Fact]
    public async Task ProjectCourse_ExpiresAfterThreeMonths_AndThePathAfterSix_EachPublishedOnce()
    {
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), Approval(person, [ProjectType.Ssvf]));
        var completedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var done = await CompleteAsync(person, completedAt);

        await SweepAt(completedAt.AddMonths(3).AddSeconds(1)).RunOnceAsync(default);
        await SweepAt(completedAt.AddMonths(3).AddSeconds(2)).RunOnceAsync(default);
        var reopened = await PathAsync(person);
        await SweepAt(completedAt.AddMonths(6).AddSeconds(1)).RunOnceAsync(default);
        var over = await PathAsync(person);

        Assert.NotNull(done.CompletedAt);
        Assert.Equal(CourseStatus.Expired, reopened.Courses.Single(c => c.CourseCode == "SSVF").Status);
        Assert.Equal(CourseStatus.Complete, reopened.Courses.Single(c => c.CourseCode == "INTRO_HMIS").Status);
        Assert.Null(reopened.CompletedAt);
        Assert.NotNull(over.ExpiredAt);
        await service.OutboxSentAsync();
        TrainingExpired[] expiries = [.. (await service.Redis.ReadAllAsync<TrainingExpired>(service.StreamOf(TrainingExpired.Descriptor))).Where(e => e.PersonId == person.ToString())];
        Assert.Equal([false, true], expiries.Select(e => e.WholePath));
        Assert.Contains("SSVF", expiries[0].CourseCodes);
    }

    [Fact]
    public async Task RetrainingRequired_ReopensTheProjectCourse_AndCompletingItAgainCompletesThePathAgain()
    {
        var person = Guid.NewGuid();
        var approval = Approval(person, [ProjectType.Ssvf]);
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), approval);
        await CompleteAsync(person, DateTimeOffset.UtcNow.AddMinutes(-2));

        await service.Redis.PublishAsync(service.StreamOf(AssessmentRetrainingRequired.Descriptor), new AssessmentRetrainingRequired
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = person.ToString(),
            AccessRequestId = approval.AccessRequestId, AssignmentId = Guid.NewGuid().ToString(), AgencyId = TestTokens.DefaultAgencyId,
        });
        var reopened = await PathAsync(person, p => p.CompletedAt is null);
        await service.Lms.RecordCourseProgressAsync(new RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), CourseCode = "SSVF", Percent = 100, Source = "lms",
        });

        Assert.Equal(CourseStatus.Expired, reopened.Courses.Single(c => c.CourseCode == "SSVF").Status);
        Assert.Equal(CourseStatus.Complete, reopened.Courses.Single(c => c.CourseCode == "INTRO_HMIS").Status);
        var completions = await service.Redis.WaitForAsync<TrainingCompleted>(service.StreamOf(TrainingCompleted.Descriptor), c => c.PersonId == person.ToString(), 2);
        Assert.Equal(2, completions.Count);
    }

    [Fact]
    public async Task UnfinishedPath_RemindsTheAtaOnceAfterThirtyDays()
    {
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), Approval(person, [ProjectType.EmergencyShelter]));
        var path = await PathAsync(person);

        await SweepAt(path.EnrolledAt.ToDateTimeOffset().AddDays(29)).RunOnceAsync(default);
        await SweepAt(path.EnrolledAt.ToDateTimeOffset().AddDays(30)).RunOnceAsync(default);
        await SweepAt(path.EnrolledAt.ToDateTimeOffset().AddDays(31)).RunOnceAsync(default);

        await service.OutboxSentAsync();
        TrainingReminderDue[] reminders = [.. (await service.Redis.ReadAllAsync<TrainingReminderDue>(service.StreamOf(TrainingReminderDue.Descriptor))).Where(r => r.PersonId == person.ToString())];
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], Assert.Single(reminders).CoursesLeft);
    }

    [Fact]
    public async Task Transfers_FullGetsNoPath_ProjectCourseOnlyGetsTheNewCourseWithTheEarlierFoundationCarriedOver()
    {
        var full = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), Approval(full, [ProjectType.EmergencyShelter], "FULL_TRANSFER"));
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), Approval(person, [ProjectType.EmergencyShelter]));
        await CompleteAsync(person, DateTimeOffset.UtcNow.AddMinutes(-1));
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor),
            Approval(person, [ProjectType.EmergencyShelter, ProjectType.OutreachPath], "PROJECT_COURSE_ONLY", [ProjectType.OutreachPath]));

        var transfer = await PathAsync(person, p => p.Courses.Any(c => c.CourseCode == "OUTREACH_PATH"));
        await service.CaughtUpAsync(AccessRequestApproved.Descriptor);
        var error = await RpcErrors.CatchAsync(() => service.Client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = full.ToString() }).ResponseAsync);

        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "OUTREACH_PATH"], transfer.Courses.Select(c => c.CourseCode));
        Assert.Equal([CourseStatus.Complete, CourseStatus.Complete, CourseStatus.NotStarted], transfer.Courses.Select(c => c.Status));
        Assert.Equal(global::Grpc.Core.StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Transfer_WhoseFoundationLapsed_IsEnrolledInItAgain_InsteadOfBeingStrandedBeforeTheAssignment()
    {
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), Approval(person, [ProjectType.EmergencyShelter]));
        await CompleteAsync(person, DateTimeOffset.UtcNow.AddMonths(-7));
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor),
            Approval(person, [ProjectType.EmergencyShelter, ProjectType.OutreachPath], "PROJECT_COURSE_ONLY", [ProjectType.OutreachPath]));

        var transfer = await PathAsync(person, p => p.Courses.Any(c => c.CourseCode == "OUTREACH_PATH"));

        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "OUTREACH_PATH"], transfer.Courses.Select(c => c.CourseCode));
        Assert.Equal(CourseStatus.NotStarted, transfer.Courses[0].Status);
        Assert.Equal(CourseStatus.Restricted, transfer.Courses[2].Status);
    }

    [Theory]
    [InlineData(ProjectType.HousingPshRrhFamilies, "INTRO_HMIS,DATA_MANAGEMENT,PSH_RRH_FAMILIES,SAMPLE_CLIENT_FINAL_INSTRUCTIONS")]
    [InlineData(ProjectType.HousingPshRrhSingles, "INTRO_HMIS,DATA_MANAGEMENT,PSH_RRH_SINGLES,SAMPLE_CLIENT_FINAL_INSTRUCTIONS")]
    [InlineData(ProjectType.CoordinatedEntry1474, "INTRO_HMIS,DATA_MANAGEMENT,HOUSING_RESOURCE_SPECIALIST,SAMPLE_CLIENT_FINAL_INSTRUCTIONS")]
    [InlineData(ProjectType.HousingSystemNavigation, "INTRO_HMIS,DATA_MANAGEMENT,HOUSING_SYSTEM_NAVIGATION,HOUSING_SYSTEM_NAVIGATOR,SAMPLE_CLIENT_FINAL_INSTRUCTIONS")]
    [InlineData(ProjectType.StateHomelessPrevention, "INTRO_HMIS,DATA_MANAGEMENT,STATE_HOMELESS_PREVENTION")]
    public async Task Approval_EnrolsThePathItsAccessNeeds(ProjectType projectType, string courses)
    {
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), Approval(person, [projectType]));

        var path = await PathAsync(person);

        Assert.Equal(courses.Split(','), path.Courses.Select(c => c.CourseCode));
        // Introduction and Data Management are open; every project, role and final course waits for Introduction.
        Assert.All(path.Courses.Take(2), c => Assert.Equal(CourseStatus.NotStarted, c.Status));
        Assert.All(path.Courses.Skip(2), c => Assert.Equal(CourseStatus.Restricted, c.Status));
    }

    [Fact]
    public async Task ReadOnlyCompletion_TellsTheNextStepItIsReadOnly()
    {
        var person = Guid.NewGuid();
        var approval = Approval(person, [ProjectType.ServicesOnly]);
        approval.Access.Responsibilities.Clear();
        approval.Access.Responsibilities.Add(Responsibility.ReadOnly);
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), approval);

        var done = await CompleteAsync(person, DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.True(done.ReadOnly);
        var completion = Assert.Single(await service.Redis.WaitForAsync<TrainingCompleted>(service.StreamOf(TrainingCompleted.Descriptor), c => c.PersonId == person.ToString()));
        Assert.True(completion.ReadOnly);
    }

    [Fact]
    public async Task Catalog_IsEditedByTheHmisTeamOnly()
    {
        var hmisTeam = new Hmis.Training.V1.Training.TrainingClient(service.HmisTeamChannel);

        var updated = await hmisTeam.UpdateCourseAsync(new UpdateCourseRequest { RequestId = Guid.NewGuid().ToString(), CourseCode = "EMPLOYMENT_INCOME", Title = "Employment and Income Workflow", ValidityMonths = 4 });
        var refused = await RpcErrors.CatchAsync(() => service.Client.UpdateCourseAsync(new UpdateCourseRequest { RequestId = Guid.NewGuid().ToString(), CourseCode = "EMPLOYMENT_INCOME", Title = "Mine", ValidityMonths = 12 }).ResponseAsync);
        var listed = await service.Client.ListCoursesAsync(new ListCoursesRequest());

        Assert.Equal(4, updated.Course.ValidityMonths);
        Assert.Equal("HMIS_TEAM_ONLY", refused.Reason());
        Assert.Equal("Employment and Income Workflow", listed.Courses.Single(c => c.Code == "EMPLOYMENT_INCOME").Title);
        Assert.Equal(Hmis.Training.V1.CourseKind.Prerequisite, listed.Courses.Single(c => c.Code == "INTRO_HMIS").Kind);
    }
}
