using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.Assessment.Tests.Api;

public sealed class SampleClientAssignmentTests(AssessmentFixture service) : IClassFixture<AssessmentFixture>
{
    private async Task<Assignment> OpenedAssignmentAsync(Guid person)
    {
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), new TrainingCompleted
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            PersonId = person.ToString(),
            AccessRequestId = Guid.NewGuid().ToString(),
            AgencyId = TestTokens.DefaultAgencyId,
            ProjectTypes = { ProjectType.EmergencyShelter },
        });
        return await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await service.Client.GetAssignmentAsync(new GetAssignmentRequest { PersonId = person.ToString() })).Assignment;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                return null;
            }
        }, a => a is not null) ?? throw new InvalidOperationException();
    }

    private static SampleClientRecord RecordOf(IntakeForm form) => new()
    {
        FirstName = form.FirstName,
        LastName = form.LastName,
        DateOfBirth = form.DateOfBirth,
        ProjectType = ProjectType.EmergencyShelter,
        ProjectStartDate = form.ProjectStartDate,
        EntryAssessmentComplete = true,
    };

    private Task<SubmitAttemptResponse> Submit(Assignment assignment, SampleClientRecord record) =>
        service.Client.SubmitAttemptAsync(new SubmitAttemptRequest { RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, Record = record }).ResponseAsync;

    [Fact]
    public async Task TrainingCompleted_OpensASeatWithAnEmergencyShelterScenario()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());

        Assert.Equal(AssignmentStatus.Seated, assignment.Status);
        Assert.Equal("ES_SINGLE_ADULT", assignment.Scenario.Code);
        Assert.Contains(assignment.Scenario.IntakeForm.FirstName, assignment.Scenario.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_WithWrongBirthDateAndProject_CallsForAWalkthroughWithFindings()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var record = RecordOf(assignment.Scenario.IntakeForm);
        record.DateOfBirth = "1900-01-01";
        record.ProjectType = ProjectType.ServicesOnly;

        var result = await Submit(assignment, record);

        Assert.Equal(AttemptOutcome.Walkthrough, result.Attempt.Outcome);
        Assert.Equal(["client.date_of_birth", "enrollment.project_type"], result.Attempt.Findings.Select(f => f.Element));
        Assert.Equal(AssignmentStatus.Seated, result.Assignment.Status);
    }

    [Fact]
    public async Task Attempt_MatchingTheIntakeForm_PassesAndPublishesAssessmentPassed()
    {
        var person = Guid.NewGuid();
        var assignment = await OpenedAssignmentAsync(person);

        var result = await Submit(assignment, RecordOf(assignment.Scenario.IntakeForm));

        Assert.Equal(AttemptOutcome.Passed, result.Attempt.Outcome);
        Assert.Equal(AssignmentStatus.Passed, result.Assignment.Status);
        var passed = await service.Redis.WaitForAsync<AssessmentPassed>(service.StreamOf(AssessmentPassed.Descriptor));
        Assert.Contains(passed, p => p.PersonId == person.ToString() && p.AssignmentId == assignment.Id);
    }

    [Fact]
    public async Task Attempt_MalformedRecord_IsRefusedBeforeGradingAndNotCounted()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var record = RecordOf(assignment.Scenario.IntakeForm);
        record.DateOfBirth = "09/07/1967";
        record.FirstName = "";

        var error = await RpcErrors.CatchAsync(() => Submit(assignment, record));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["record.first_name", "record.date_of_birth"], error.ViolatedFields());
        var after = (await service.Client.GetAssignmentAsync(new GetAssignmentRequest { PersonId = assignment.PersonId })).Assignment;
        Assert.Empty(after.Attempts);
    }

    [Fact]
    public async Task Attempt_OnAnotherAgencysAssignment_IsPermissionDeniedAndNotCounted()
    {
        var assignment = await OpenedAssignmentAsync(Guid.NewGuid());
        var otherAgency = new SampleClientAssignments.SampleClientAssignmentsClient(service.ChannelWithToken(TestTokens.Issue(agencyId: Guid.NewGuid().ToString())));

        var error = await RpcErrors.CatchAsync(() => otherAgency.SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AssignmentId = assignment.Id,
            Record = RecordOf(assignment.Scenario.IntakeForm),
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
}
