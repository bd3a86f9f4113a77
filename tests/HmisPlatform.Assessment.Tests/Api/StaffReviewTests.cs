using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>HMIS staff override outcomes with a reason (audited) and book the walk-throughs attempts call for.</summary>
public sealed class StaffReviewTests(AssessmentFixture service) : IClassFixture<AssessmentFixture>
{
    private SampleClientAssignments.SampleClientAssignmentsClient Staff => new(service.HmisTeamChannel);

    private async Task<Assignment> SeatedAsync(Guid person)
    {
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), Trainees.Completed(person));
        return await Eventually.ReturnsAsync(() => Trainees.ReadAsync(service.Client, person), a => a is { Status: AssignmentStatus.Seated })
            ?? throw new InvalidOperationException();
    }

    private async Task<SubmitAttemptResponse> FailAsync(Assignment assignment, string? projectTypeWrong = null)
    {
        var wrongBirthDate = (await Staff.ModelRecordAsync(assignment)).WithWrongBirthDate();
        return await new SampleClientAssignments.SampleClientAssignmentsClient(service.TraineeChannel(assignment.PersonId)).SubmitAttemptAsync(new SubmitAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id,
            Record = projectTypeWrong is null ? wrongBirthDate : wrongBirthDate.InWrongProject(),
        });
    }

    [Fact]
    public async Task Override_ToPassed_PassesTheAssignment_WithTheGraderOutcomeKeptAndAudited()
    {
        var person = Guid.NewGuid();
        var assignment = await SeatedAsync(person);
        var failed = await FailAsync(assignment);

        var overridden = (await Staff.OverrideAttemptOutcomeAsync(new OverrideAttemptOutcomeRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, AttemptId = failed.Attempt.Id, Outcome = AttemptOutcome.Passed,
            Reason = "Birth date was a typo in our own intake form",
        })).Assignment;

        Assert.Equal(AssignmentStatus.Passed, overridden.Status);
        var attempt = Assert.Single(overridden.Attempts);
        Assert.Equal((AttemptOutcome.Passed, AttemptOutcome.CorrectionsNeeded), (attempt.Outcome, attempt.GradedOutcome));
        Assert.Single(await service.Redis.WaitForAsync<AssessmentPassed>(service.StreamOf(AssessmentPassed.Descriptor), e => e.PersonId == person.ToString()));
        var audit = await service.QueryAsync(db => db.OutcomeOverrides.Where(o => o.AssignmentId == Guid.Parse(assignment.Id)).ToListAsync());
        Assert.Equal("Birth date was a typo in our own intake form", Assert.Single(audit).Reason);
    }

    [Fact]
    public async Task Override_OfAnAssignmentThatExpiredOnItsThirdFailure_IsRefused_AndChangesNothing()
    {
        var person = Guid.NewGuid();
        var assignment = await SeatedAsync(person);
        await FailAsync(assignment);
        await FailAsync(assignment);
        var third = await FailAsync(assignment);
        Assert.Equal((AssignmentStatus.Expired, "THREE_FAILED_ATTEMPTS"), (third.Assignment.Status, third.Assignment.ExpiredReason));

        var refused = await RpcErrors.CatchAsync(() => Staff.OverrideAttemptOutcomeAsync(new OverrideAttemptOutcomeRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, AttemptId = third.Attempt.Id, Outcome = AttemptOutcome.Passed,
            Reason = "On reflection the record was fine",
        }).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "OVERRIDE_NOT_ALLOWED"), (refused.StatusCode, refused.Reason()));
        var after = (await Staff.GetAssignmentAsync(new GetAssignmentRequest { PersonId = person.ToString() })).Assignment;
        Assert.Equal(AssignmentStatus.Expired, after.Status);
        Assert.Empty(await service.QueryAsync(db => db.OutcomeOverrides.Where(o => o.AssignmentId == Guid.Parse(assignment.Id)).ToListAsync()));
    }

    [Fact]
    public async Task Override_ByTheAgency_OrWithoutAReason_IsRefused()
    {
        var assignment = await SeatedAsync(Guid.NewGuid());
        var failed = await FailAsync(assignment);
        var request = new OverrideAttemptOutcomeRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, AttemptId = failed.Attempt.Id, Outcome = AttemptOutcome.Passed, Reason = "mine",
        };

        var byAgency = await RpcErrors.CatchAsync(() => service.Client.OverrideAttemptOutcomeAsync(request).ResponseAsync);
        request.RequestId = Guid.NewGuid().ToString();
        request.Reason = " ";
        var noReason = await RpcErrors.CatchAsync(() => Staff.OverrideAttemptOutcomeAsync(request).ResponseAsync);

        Assert.Equal("HMIS_TEAM_ONLY", byAgency.Reason());
        Assert.Equal("REASON_REQUIRED", noReason.Reason());
    }

    [Fact]
    public async Task Walkthrough_IsBookedForTheAttemptThatCalledForIt()
    {
        var person = Guid.NewGuid();
        var assignment = await SeatedAsync(person);
        var failed = await FailAsync(assignment, projectTypeWrong: "yes");
        var startsAt = DateTimeOffset.UtcNow.AddDays(2);

        var booked = (await Staff.ScheduleWalkthroughAsync(new ScheduleWalkthroughRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, AttemptId = failed.Attempt.Id, StaffMember = "hmis-staff-7",
            StartsAt = Timestamp.FromDateTimeOffset(startsAt),
        })).Assignment;
        var tooLate = await RpcErrors.CatchAsync(() => Staff.ScheduleWalkthroughAsync(new ScheduleWalkthroughRequest
        {
            RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, AttemptId = failed.Attempt.Id, StartsAt = Timestamp.FromDateTimeOffset(startsAt.AddDays(30)),
        }).ResponseAsync);

        Assert.Equal(AttemptOutcome.Walkthrough, failed.Attempt.Outcome);
        Assert.Equal("hmis-staff-7", booked.Attempts.Single().Walkthrough.StaffMember);
        Assert.Equal("WALKTHROUGH_TIME_INVALID", tooLate.Reason());
        Assert.Single(await service.Redis.WaitForAsync<AssessmentWalkthroughScheduled>(service.StreamOf(AssessmentWalkthroughScheduled.Descriptor), e => e.PersonId == person.ToString()));
    }
}
