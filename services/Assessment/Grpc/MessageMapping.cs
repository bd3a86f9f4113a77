using ScenarioCase = HmisPlatform.Assessment.Domain.Scenarios.ScenarioCase;
using Google.Protobuf.WellKnownTypes;
using Hmis.Assessment.V1;
using Hmis.Events.V1;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Messaging;

namespace HmisPlatform.Assessment.Grpc;

/// <summary>Domain objects to contract messages and events.</summary>
internal static class MessageMapping
{
    public static Assignment ToMessage(this SampleClientAssignment assignment, WaitlistPlace? place = null) => new()
    {
        WaitlistPosition = place?.Position ?? 0,
        ExpectedWait = place is { } p ? Duration.FromTimeSpan(p.ExpectedWait) : null,
        JoinedAt = Timestamp.FromDateTimeOffset(assignment.JoinedAt),
        ExpiresAt = assignment.ExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
        FailedAttempts = assignment.FailedAttempts,
        ExpiredReason = assignment.ExpiredReason ?? "",
        Id = assignment.Id.ToString(),
        PersonId = assignment.PersonId.ToString(),
        Status = assignment.Status,
        OpenedAt = Timestamp.FromDateTimeOffset(assignment.OpenedAt),
        Scenario = assignment.CurrentCase.ToMessage(),
        EligibleScenarioCodes = { assignment.EligibleScenarios.Select(s => s.Code) },
        Attempts = { assignment.Attempts.OrderBy(a => a.SubmittedAt).Select(a => a.ToMessage()) },
    };

    private static Scenario ToMessage(this ScenarioCase scenarioCase) => new()
    {
        Code = scenarioCase.Scenario.Code,
        Title = scenarioCase.Scenario.Title,
        ProjectType = scenarioCase.Scenario.ProjectType,
        Variant = scenarioCase.Variant,
        Narrative = scenarioCase.Narrative,
        Documents = { scenarioCase.Documents.Select(d => new Hmis.Assessment.V1.ScenarioDocument { Title = d.Title, Text = d.Text }) },
    };

    public static Attempt ToMessage(this SampleClientAttempt attempt) => new()
    {
        Id = attempt.Id.ToString(),
        SubmittedAt = Timestamp.FromDateTimeOffset(attempt.SubmittedAt),
        Outcome = attempt.Outcome,
        ScenarioCode = attempt.ScenarioCode,
        Variant = attempt.Variant,
        Record = attempt.Record?.ToMessage(),
        Findings = { attempt.Findings.Select(f => new Finding
        {
            Criterion = f.Criterion,
            Element = f.Element,
            Expected = f.Expected,
            Entered = f.Entered,
            Severity = f.Severity,
            Guidance = f.Guidance,
        }) },
        GradedOutcome = attempt.GradedOutcome ?? AttemptOutcome.Unspecified,
        OverrideReason = attempt.OverrideReason ?? "",
        Walkthrough = attempt.Walkthrough is { } w
            ? new Hmis.Assessment.V1.Walkthrough { StaffMember = w.StaffMember, StartsAt = Timestamp.FromDateTimeOffset(w.StartsAt), Length = Duration.FromTimeSpan(w.Length) }
            : null,
    };

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
            Outcome = ProtoEnum.NameOf(attempt.Outcome),
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

    public static AssessmentWalkthroughScheduled WalkthroughBooking(this SampleClientAssignment assignment, Domain.Assignments.Walkthrough walkthrough, DateTimeOffset now)
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
