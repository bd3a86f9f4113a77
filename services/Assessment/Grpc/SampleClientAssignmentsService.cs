using Grpc.Core;
using Hmis.Assessment.V1;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Assessment.Grpc;

/// <summary>The SampleClientAssignments gRPC API.</summary>
public sealed class SampleClientAssignmentsService(
    AssessmentDbContext db, IdempotentCommands<AssessmentDbContext> commands, Seating seating, IOptions<AssessmentPolicy> policy,
    IOptions<GradingThresholds> thresholds, TimeProvider time)
    : SampleClientAssignments.SampleClientAssignmentsBase
{
    [Authorize(Policy = PlatformIdentity.AssessmentRead)]
    public override async Task<GetAssignmentResponse> GetAssignment(GetAssignmentRequest request, ServerCallContext context)
    {
        var personId = Ids.Parse(request.PersonId, "person_id");
        var assignment = context.Caller().EnsureMayRead(
            await db.Assignments.AsNoTracking()
                .Where(a => a.PersonId == personId).OrderByDescending(a => a.OpenedAt).FirstOrDefaultAsync(context.CancellationToken),
            a => a.AgencyId, a => a.PersonId, "ASSIGNMENT");
        return new GetAssignmentResponse { Assignment = assignment.ToMessage(await seating.PlaceOfAsync(assignment, context.CancellationToken)) };
    }

    [Authorize(Policy = PlatformIdentity.AssessmentWrite)]
    public override Task<SubmitAttemptResponse> SubmitAttempt(SubmitAttemptRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var assignmentId = Ids.Parse(request.AssignmentId, "assignment_id");
            // Whose assignment it is comes first: another agency learns nothing, not even how its record would be judged.
            var assignment = context.Caller().EnsureMayRead(
                await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct), a => a.AgencyId, a => a.PersonId, "ASSIGNMENT");
            var r = request.Record ?? new SampleClientRecord();
            var record = EnteredRecord.Parse(r.FirstName, r.LastName, r.DateOfBirth, r.ProjectType, r.ProjectStartDate, r.EntryAssessmentComplete);
            var now = time.GetStoredNow();
            var attempt = assignment.Submit(record, policy.Value, thresholds.Value, now);
            if (assignment.FreedSeat)
            {
                db.Publish(assignment.Status switch
                {
                    AssignmentStatus.Passed => assignment.Pass(now),
                    AssignmentStatus.Retraining => assignment.Retraining(now),
                    _ => (Google.Protobuf.IMessage)assignment.Expiry(now),
                });
                await seating.FillFreeSeatsAsync(now, ct);
            }
            await db.SaveChangesAsync(ct);
            return new SubmitAttemptResponse { Attempt = attempt.ToMessage(), Assignment = assignment.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.AssessmentWrite)]
    public override Task<OverrideAttemptOutcomeResponse> OverrideAttemptOutcome(OverrideAttemptOutcomeRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var assignment = await StaffAssignmentAsync(request.AssignmentId, context, ct);
            var now = time.GetStoredNow();
            var seated = assignment.Status == AssignmentStatus.Seated;
            db.OutcomeOverrides.Add(assignment.Override(Ids.Parse(request.AttemptId, "attempt_id"), request.Outcome, request.Reason, context.Caller(), now));
            if (assignment.Status == AssignmentStatus.Passed)
            {
                db.Publish(assignment.Pass(now));
                if (seated)
                {
                    await seating.FillFreeSeatsAsync(now, ct);
                }
            }
            await db.SaveChangesAsync(ct);
            return new OverrideAttemptOutcomeResponse { Assignment = assignment.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.AssessmentWrite)]
    public override Task<ScheduleWalkthroughResponse> ScheduleWalkthrough(ScheduleWalkthroughRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var assignment = await StaffAssignmentAsync(request.AssignmentId, context, ct);
            var now = time.GetStoredNow();
            var walkthrough = assignment.BookWalkthrough(Ids.Parse(request.AttemptId, "attempt_id"), request.StaffMember,
                request.StartsAt?.ToDateTimeOffset() ?? DateTimeOffset.MinValue, request.Length?.ToTimeSpan(), context.Caller(), now);
            db.Publish(assignment.WalkthroughBooking(walkthrough, now));
            await db.SaveChangesAsync(ct);
            return new ScheduleWalkthroughResponse { Assignment = assignment.ToMessage() };
        }, context.CancellationToken);

    /// <summary>An assignment as the caller may see it; what staff alone may do to it, the domain checks.</summary>
    private async Task<SampleClientAssignment> StaffAssignmentAsync(string assignmentId, ServerCallContext context, CancellationToken cancellationToken)
    {
        var id = Ids.Parse(assignmentId, "assignment_id");
        return context.Caller().EnsureMayRead(await db.Assignments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken), a => a.AgencyId, a => a.PersonId, "ASSIGNMENT");
    }
}
