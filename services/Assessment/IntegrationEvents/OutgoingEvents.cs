using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.Assessment.Contracts;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.BuildingBlocks.Messaging;

namespace HmisPlatform.Assessment.IntegrationEvents;

/// <summary>The integration events Assessment publishes, built from its domain objects.</summary>
internal static class OutgoingEvents
{
    public static AssessmentScheduled Scheduling(this SampleClientAssignment assignment, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AssessmentScheduled
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = assignment.PersonId.ToString(),
            AccessRequestId = assignment.AccessRequestId.ToString(),
            AssignmentId = assignment.Id.ToString(),
        };
    }

    public static AssessmentAttemptGraded Grading(this SampleClientAssignment assignment, SampleClientAttempt attempt, int maxFailedAttempts, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AssessmentAttemptGraded
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = assignment.PersonId.ToString(),
            AccessRequestId = assignment.AccessRequestId.ToString(),
            AssignmentId = assignment.Id.ToString(),
            AgencyId = assignment.AgencyId.ToString(),
            AttemptId = attempt.Id.ToString(),
            Outcome = ProtoEnum.NameOf(attempt.Outcome.ToContract()),
            FindingCount = attempt.Findings.Count,
            FailedAttempts = assignment.FailedAttempts,
            AttemptsLeft = Math.Max(0, maxFailedAttempts - assignment.FailedAttempts),
        };
    }

    public static AssessmentPassed Pass(this SampleClientAssignment assignment, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AssessmentPassed
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = assignment.PersonId.ToString(),
            AccessRequestId = assignment.AccessRequestId.ToString(),
            AssignmentId = assignment.Id.ToString(),
        };
    }

    public static AssessmentWaitlisted Waitlisting(this SampleClientAssignment assignment, int position, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AssessmentWaitlisted
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = assignment.PersonId.ToString(), AccessRequestId = assignment.AccessRequestId.ToString(),
            AssignmentId = assignment.Id.ToString(), Position = position,
        };
    }

    public static AssessmentExpired Expiry(this SampleClientAssignment assignment, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AssessmentExpired
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = assignment.PersonId.ToString(), AccessRequestId = assignment.AccessRequestId.ToString(),
            AssignmentId = assignment.Id.ToString(), AgencyId = assignment.AgencyId.ToString(), Reason = assignment.ExpiredReason ?? "",
        };
    }

    public static AssessmentWalkthroughScheduled WalkthroughBooking(this SampleClientAssignment assignment, Walkthrough walkthrough, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AssessmentWalkthroughScheduled
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = assignment.PersonId.ToString(), AccessRequestId = assignment.AccessRequestId.ToString(),
            AssignmentId = assignment.Id.ToString(), AgencyId = assignment.AgencyId.ToString(), StartsAt = Timestamp.FromDateTimeOffset(walkthrough.StartsAt),
        };
    }

    public static AssessmentRetrainingRequired Retraining(this SampleClientAssignment assignment, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new AssessmentRetrainingRequired
        {
            EventId = eventId, OccurredAt = occurredAt, PersonId = assignment.PersonId.ToString(), AccessRequestId = assignment.AccessRequestId.ToString(),
            AssignmentId = assignment.Id.ToString(), AgencyId = assignment.AgencyId.ToString(),
        };
    }
}
