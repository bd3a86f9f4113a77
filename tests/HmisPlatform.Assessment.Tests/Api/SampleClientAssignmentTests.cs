using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using ProjectType = Hmis.Common.V1.ProjectType;

namespace HmisPlatform.Assessment.Tests.Api;

public sealed class SampleClientAssignmentTests(AssessmentFixture service) : IClassFixture<AssessmentFixture>
{
    private SampleClientAssignments.SampleClientAssignmentsClient Staff => new(service.HmisTeamChannel);

    private SampleClientAssignments.SampleClientAssignmentsClient AsTrainee(Guid person) =>
        new(service.ChannelWithToken(TestTokens.Person(person, Caller.TraineeRole)));

    private async Task<Assignment> OpenedAssignmentAsync(Guid person, params ProjectType[] projectTypes)
    {
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor),
            Trainees.Completed(person, projectTypes: projectTypes.Length > 0 ? projectTypes : null));
        return await Eventually.ReturnsAsync(() => Trainees.ReadAsync(service.Client, person), a => a is not null) ?? throw new InvalidOperationException();
    }

    private Task<SubmitAttemptResponse> Submit(Assignment assignment, SampleClientRecord record) =>
        AsTrainee(Guid.Parse(assignment.PersonId)).SubmitAttemptAsync(new SubmitAttemptRequest { RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, Record = record }).ResponseAsync;

    [Fact]
    public async Task TrainingCompleted_OpensASeat_WithTheScenarioOfTheProjectCourse_AndItsDocuments()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var model = await Staff.ModelRecordAsync(assignment);

        Assert.Equal(AssignmentStatus.Seated, assignment.Status);
        Assert.Equal("ES_SINGLE_ADULT", assignment.Scenario.Code);
        Assert.Equal(["ES_SINGLE_ADULT"], assignment.EligibleScenarioCodes);
        Assert.Contains($"{model.Client.FirstName} {model.Client.LastName}", assignment.Scenario.Narrative, StringComparison.Ordinal);
        Assert.Equal(["Intake form", "Income, benefits and insurance papers", "Case notes"], assignment.Scenario.Documents.Select(d => d.Title));
        Assert.Contains(model.Client.Ssn, assignment.Scenario.Documents[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProjectType.EmergencyShelter, "ES_SINGLE_ADULT")]
    [InlineData(ProjectType.HousingPshRrhFamilies, "PSH_FAMILY")]
    [InlineData(ProjectType.HousingPshRrhSingles, "RRH_SINGLE")]
    [InlineData(ProjectType.OutreachPath, "STREET_OUTREACH")]
    [InlineData(ProjectType.Ssvf, "SSVF_VETERAN")]
    [InlineData(ProjectType.ServicesOnly, "SERVICES_ONLY")]
    [InlineData(ProjectType.DropInDayShelter, "DROP_IN")]
    public async Task EveryScenario_TheCarefulTraineesRecord_Passes(ProjectType projectType, string scenario)
    {
        var person = Guid.NewGuid();
        var assignment = await OpenedAssignmentAsync(person, projectType);

        var result = await Submit(assignment, await Staff.ModelRecordAsync(assignment));

        Assert.Equal(scenario, result.Attempt.ScenarioCode);
        Assert.Empty(result.Attempt.Findings);
        Assert.Equal((AttemptOutcome.Passed, AssignmentStatus.Passed), (result.Attempt.Outcome, result.Assignment.Status));
        var passed = await service.Redis.WaitForAsync<AssessmentPassed>(service.StreamOf(AssessmentPassed.Descriptor), p => p.PersonId == person.ToString());
        Assert.Equal(assignment.Id, Assert.Single(passed).AssignmentId);
    }

    [Fact]
    public async Task Attempt_WithWrongBirthDateAndProject_CallsForAWalkthroughWithFindings()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var record = (await Staff.ModelRecordAsync(assignment)).WithWrongBirthDate().InWrongProject();

        var result = await Submit(assignment, record);

        Assert.Equal(AttemptOutcome.Walkthrough, result.Attempt.Outcome);
        Assert.Equal(["client.date_of_birth", "enrollment.project_type"], result.Attempt.Findings.Select(f => f.Element));
        Assert.All(result.Attempt.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Guidance)));
        Assert.Equal(AssignmentStatus.Seated, result.Assignment.Status);
        Assert.Equal(record, result.Attempt.Record);
        // The trainee and their ATA hear of it: the outcome and what is left, not the findings themselves.
        var graded = Assert.Single(await service.Redis.WaitForAsync<AssessmentAttemptGraded>(
            service.StreamOf(AssessmentAttemptGraded.Descriptor), e => e.AttemptId == result.Attempt.Id));
        Assert.Equal(("ATTEMPT_OUTCOME_WALKTHROUGH", 2, 1, 2), (graded.Outcome, graded.FindingCount, graded.FailedAttempts, graded.AttemptsLeft));
    }

    [Fact]
    public async Task EachAttempt_HasItsOwnVariant_SoTheLastOnesAnswersDoNotPass()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var firstModel = await Staff.ModelRecordAsync(assignment);

        var first = await Submit(assignment, firstModel.WithWrongBirthDate());
        var copied = await Submit(assignment, firstModel);

        Assert.Equal(assignment.Scenario.Variant, first.Attempt.Variant);
        Assert.NotEqual(first.Attempt.Variant, copied.Attempt.Variant);
        Assert.Contains(copied.Attempt.Findings, f => f.Element == "client.date_of_birth");
        Assert.NotEqual(AttemptOutcome.Passed, copied.Attempt.Outcome);
        var secondModel = await Staff.ModelRecordAsync(copied.Assignment);
        Assert.NotEqual(firstModel.Client, secondModel.Client);
        Assert.Equal(AttemptOutcome.Passed, (await Submit(copied.Assignment, secondModel)).Attempt.Outcome);
    }

    [Fact]
    public async Task ChooseScenario_OneOfTheTraineesProjectCourses_IsTaken_AMismatchIsRefused()
    {
        var person = Guid.NewGuid();
        var assignment = await OpenedAssignmentAsync(person, ProjectType.EmergencyShelter, ProjectType.Ssvf);

        var mismatch = await RpcErrors.CatchAsync(() => AsTrainee(person).ChooseScenarioAsync(new ChooseScenarioRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, ScenarioCode = "PSH_FAMILY",
        }).ResponseAsync);
        var unknown = await RpcErrors.CatchAsync(() => AsTrainee(person).ChooseScenarioAsync(new ChooseScenarioRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, ScenarioCode = "NO_SUCH",
        }).ResponseAsync);
        var chosen = (await AsTrainee(person).ChooseScenarioAsync(new ChooseScenarioRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, ScenarioCode = "SSVF_VETERAN",
        })).Assignment;

        Assert.Equal(["ES_SINGLE_ADULT", "SSVF_VETERAN"], assignment.EligibleScenarioCodes);
        Assert.Equal((StatusCode.FailedPrecondition, "SCENARIO_NOT_FOR_PROJECT"), (mismatch.StatusCode, mismatch.Reason()));
        Assert.Equal("PSH_FAMILY", Assert.Single(mismatch.PreconditionViolations()).Subject);
        Assert.Equal((StatusCode.InvalidArgument, "SCENARIO_UNKNOWN"), (unknown.StatusCode, unknown.Reason()));
        Assert.Equal("SSVF_VETERAN", chosen.Scenario.Code);
        var model = await Staff.ModelRecordAsync(chosen);
        Assert.Equal(ProjectType.Ssvf, model.Enrollment.ProjectType);
        Assert.Contains(model.Enrollment.Services, s => s.Type == ServiceType.RrhRentalAssistance);
    }

    [Fact]
    public async Task ModelRecord_IsForHmisStaffOnly()
    {
        var person = Guid.NewGuid();
        var assignment = await OpenedAssignmentAsync(person);

        var trainee = await RpcErrors.CatchAsync(() => AsTrainee(person).GetModelRecordAsync(new GetModelRecordRequest { AssignmentId = assignment.Id }).ResponseAsync);
        var agency = await RpcErrors.CatchAsync(() => service.Client.GetModelRecordAsync(new GetModelRecordRequest { AssignmentId = assignment.Id }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "HMIS_TEAM_ONLY"), (trainee.StatusCode, trainee.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, "HMIS_TEAM_ONLY"), (agency.StatusCode, agency.Reason()));
    }

    [Fact]
    public async Task Attempt_MalformedRecord_IsRefusedBeforeGradingAndNotCounted()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var record = await Staff.ModelRecordAsync(assignment);
        record.Client.DateOfBirth = "09/07/1967";
        record.Client.FirstName = "";
        record.Client.Ssn = "12-34";
        var income = record.Enrollment.Assessments[0].SubAssessments[0];
        income.Entries[0].Source = BenefitSource.Medicaid;
        income.Entries[0].EndDate = "2000-01-01";
        record.Enrollment.Assessments[1].Stage = (AssessmentStage)42;

        var error = await RpcErrors.CatchAsync(() => Submit(assignment, record));

        Assert.Equal((StatusCode.InvalidArgument, "RECORD_INVALID"), (error.StatusCode, error.Reason()));
        Assert.Equal([
            "record.client.first_name", "record.client.ssn", "record.client.date_of_birth",
            "record.enrollment.assessments[0].sub_assessments[0].entries[0].source",
            "record.enrollment.assessments[0].sub_assessments[0].entries[0].end_date",
            "record.enrollment.assessments[1].stage",
        ], error.ViolatedFields());
        var after = (await service.Client.GetAssignmentAsync(new GetAssignmentRequest { PersonId = assignment.PersonId })).Assignment;
        Assert.Empty(after.Attempts);
    }

    [Fact]
    public async Task Attempt_WithoutARecord_NamesTheMissingParts()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());

        var error = await RpcErrors.CatchAsync(() => Submit(assignment, new SampleClientRecord()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("record.client.first_name", error.ViolatedFields());
        Assert.Contains("record.enrollment.project_start_date", error.ViolatedFields());
        Assert.Contains("record.enrollment.project_type", error.ViolatedFields());
    }

    [Fact]
    public async Task Attempt_OnAnotherAgencysAssignment_IsPermissionDeniedAndNotCounted()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var otherAgency = new SampleClientAssignments.SampleClientAssignmentsClient(service.ChannelWithToken(TestTokens.Issue(agencyId: Guid.NewGuid().ToString())));
        var model = await Staff.ModelRecordAsync(assignment);

        var error = await RpcErrors.CatchAsync(() => otherAgency.SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AssignmentId = assignment.Id,
            Record = model,
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var after = (await service.Client.GetAssignmentAsync(new GetAssignmentRequest { PersonId = assignment.PersonId })).Assignment;
        Assert.Empty(after.Attempts);
    }

    [Fact]
    public async Task Attempt_OnAnotherAgencysAssignment_IsRefusedForAccessBeforeTheRecordIsJudged()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var otherAgency = new SampleClientAssignments.SampleClientAssignmentsClient(service.ChannelWithToken(TestTokens.Issue(agencyId: Guid.NewGuid().ToString())));

        var error = await RpcErrors.CatchAsync(() => otherAgency.SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AssignmentId = assignment.Id,
            Record = new SampleClientRecord(),
        }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "NOT_AVAILABLE"), (error.StatusCode, error.Reason()));
    }

    [Fact]
    public async Task Attempt_FromTheAgencysOwnSystem_OrTheAta_IsRefused_BeforeTheRecordIsRead_AndNotCounted()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var ata = new SampleClientAssignments.SampleClientAssignmentsClient(service.ChannelWithToken(TestTokens.Person(Guid.NewGuid(), Caller.AtaRole)));

        foreach (var agency in new[] { service.Client, ata, Staff })
        {
            var refused = await RpcErrors.CatchAsync(() => agency.SubmitAttemptAsync(new SubmitAttemptRequest
            {
                RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, Record = new SampleClientRecord(),
            }).ResponseAsync);
            Assert.Equal((StatusCode.PermissionDenied, StepOwners.OnlyTheTraineeReason), (refused.StatusCode, refused.Reason()));
        }

        var after = (await service.Client.GetAssignmentAsync(new GetAssignmentRequest { PersonId = assignment.PersonId })).Assignment;
        Assert.Empty(after.Attempts);
    }

    [Fact]
    public async Task Attempt_ByTheTrainee_KeepsWhoSubmittedIt_AndItsSubmissionCannotBeRewritten()
    {
        var person = Guid.NewGuid();
        var assignment = await OpenedAssignmentAsync(person);
        var throughCaseSystem = new SampleClientAssignments.SampleClientAssignmentsClient(service.ChannelWithToken(
            TestTokens.Issue(agencyId: TestTokens.DefaultAgencyId, role: Caller.TraineeRole, subject: person.ToString(), clientId: "lakeview-case-system")));

        var attempt = (await throughCaseSystem.SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, Record = await Staff.ModelRecordAsync(assignment),
        })).Attempt;

        var kept = await service.QueryAsync(db => db.Set<Assessment.Domain.Assignments.SampleClientAttempt>().SingleAsync(a => a.Id == Guid.Parse(attempt.Id)));
        Assert.Equal(new Actor(person.ToString(), Caller.TraineeRole, "lakeview-case-system"), kept.SubmittedBy);
        var rewrite = await Assert.ThrowsAnyAsync<Exception>(() => service.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE attempts SET submitted_by_subject = 'someone-else' WHERE id = {Guid.Parse(attempt.Id)}")));
        Assert.Contains("never changed", rewrite.Message);
    }
}
