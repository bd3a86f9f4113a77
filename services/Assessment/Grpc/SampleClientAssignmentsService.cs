using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Assessment.V1;
using HmisPlatform.Assessment.Contracts;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.Assessment.IntegrationEvents;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AssignmentStatus = HmisPlatform.Assessment.Domain.Assignments.AssignmentStatus;

namespace HmisPlatform.Assessment.Grpc;

/// <summary>The SampleClientAssignments gRPC API.</summary>
public sealed class SampleClientAssignmentsService(
    AssessmentDbContext db, IdempotentCommands<AssessmentDbContext> commands, Seating seating, Enrolment enrolment, IOptions<AssessmentPolicy> policy,
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
        return new GetAssignmentResponse { Assignment = assignment.ToMessage(policy.Value, await seating.PlaceOfAsync(assignment, context.CancellationToken)) };
    }

    [Authorize(Policy = PlatformIdentity.AssessmentRead)]
    public override async Task<ListExpiringAssignmentsResponse> ListExpiringAssignments(ListExpiringAssignmentsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var until = time.GetUtcNow() + policy.Value.EndingWithin(request.WithinDays);
        var agency = caller.AgencyToList(request.AgencyId.Length > 0 ? Ids.Parse(request.AgencyId, "agency_id") : null);
        // Served by the partial index of seated assignments on expires_at.
        var ending = db.Assignments.AsNoTracking().Where(a => a.Status == AssignmentStatus.Seated && a.ExpiresAt <= until);
        if (agency is { } agencyId)
        {
            ending = ending.Where(a => a.AgencyId == agencyId);
        }
        var size = Paging.Size(request.PageSize, defaultSize: 20, maxSize: 100);
        var soonest = await ending.OrderBy(a => a.ExpiresAt).ThenBy(a => a.Id).Take(size).ToListAsync(context.CancellationToken);
        return new ListExpiringAssignmentsResponse
        {
            Assignments =
            {
                soonest.Select(a => new ExpiringAssignment
                {
                    AssignmentId = a.Id.ToString(), PersonId = a.PersonId.ToString(), AgencyId = a.AgencyId.ToString(),
                    AccessRequestId = a.AccessRequestId.ToString(), ExpiresAt = Timestamp.FromDateTimeOffset(a.ExpiresAt!.Value), FailedAttempts = a.FailedAttempts,
                    MaxFailedAttempts = policy.Value.MaxFailedAttempts,
                }),
            },
            Total = await ending.CountAsync(context.CancellationToken),
        };
    }

    [Authorize(Policy = PlatformIdentity.AssessmentWrite)]
    public override Task<SubmitAttemptResponse> SubmitAttempt(SubmitAttemptRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var assignmentId = Ids.Parse(request.AssignmentId, "assignment_id");
            // Whose assignment it is comes first: another agency learns nothing, not even how its record would be judged.
            var assignment = context.Caller().EnsureMayRead(
                await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct), a => a.AgencyId, a => a.PersonId, "ASSIGNMENT");
            assignment.EnsureSubmitter(context.Caller());
            var record = request.Record.ToDomain();
            var now = time.GetStoredNow();
            var attempt = assignment.Submit(record, context.Caller(), policy.Value, thresholds.Value, now);
            db.Publish(assignment.Grading(attempt, policy.Value.MaxFailedAttempts, now));
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
            return new SubmitAttemptResponse { Attempt = attempt.ToMessage(), Assignment = assignment.ToMessage(policy.Value) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.AssessmentWrite)]
    public override Task<JoinWaitlistResponse> JoinWaitlist(JoinWaitlistRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var personId = Ids.Parse(request.PersonId, "person_id");
            var accessRequestId = Ids.Parse(request.AccessRequestId, "access_request_id");
            context.Caller().EnsureMayRead(
                await db.CompletedTrainings.AsNoTracking().SingleOrDefaultAsync(t => t.PersonId == personId && t.AccessRequestId == accessRequestId, ct),
                t => t.AgencyId, t => t.PersonId, "TRAINING");
            var assignment = await enrolment.JoinAsync(personId, accessRequestId, time.GetStoredNow(), ct);
            await db.SaveChangesAsync(ct);
            return new JoinWaitlistResponse { Assignment = assignment.ToMessage(policy.Value, await seating.PlaceOfAsync(assignment, ct)) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.AssessmentWrite)]
    public override Task<ChooseScenarioResponse> ChooseScenario(ChooseScenarioRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var assignment = await StaffAssignmentAsync(request.AssignmentId, context, ct);
            assignment.ChooseScenario(request.ScenarioCode, context.Caller());
            await db.SaveChangesAsync(ct);
            return new ChooseScenarioResponse { Assignment = assignment.ToMessage(policy.Value, await seating.PlaceOfAsync(assignment, ct)) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.AssessmentRead)]
    public override async Task<GetModelRecordResponse> GetModelRecord(GetModelRecordRequest request, ServerCallContext context)
    {
        var id = Ids.Parse(request.AssignmentId, "assignment_id");
        var assignment = context.Caller().EnsureMayRead(
            await db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, context.CancellationToken), a => a.AgencyId, a => a.PersonId, "ASSIGNMENT");
        var model = assignment.ModelRecord(context.Caller(), request.ScenarioCode, request.Variant);
        return new GetModelRecordResponse { Record = model.ToMessage() };
    }

    [Authorize(Policy = PlatformIdentity.AssessmentWrite)]
    public override Task<OverrideAttemptOutcomeResponse> OverrideAttemptOutcome(OverrideAttemptOutcomeRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var assignment = await StaffAssignmentAsync(request.AssignmentId, context, ct);
            var now = time.GetStoredNow();
            var seated = assignment.Status == AssignmentStatus.Seated;
            db.OutcomeOverrides.Add(assignment.Override(Ids.Parse(request.AttemptId, "attempt_id"), request.Outcome.ToDomain(), request.Reason, context.Caller(), now));
            if (assignment.Status == AssignmentStatus.Passed)
            {
                db.Publish(assignment.Pass(now));
                if (seated)
                {
                    await seating.FillFreeSeatsAsync(now, ct);
                }
            }
            await db.SaveChangesAsync(ct);
            return new OverrideAttemptOutcomeResponse { Assignment = assignment.ToMessage(policy.Value) };
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
            return new ScheduleWalkthroughResponse { Assignment = assignment.ToMessage(policy.Value) };
        }, context.CancellationToken);

    /// <summary>An assignment as the caller may see it; what staff alone may do to it, the domain checks.</summary>
    private async Task<SampleClientAssignment> StaffAssignmentAsync(string assignmentId, ServerCallContext context, CancellationToken cancellationToken)
    {
        var id = Ids.Parse(assignmentId, "assignment_id");
        return context.Caller().EnsureMayRead(await db.Assignments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken), a => a.AgencyId, a => a.PersonId, "ASSIGNMENT");
    }
}
