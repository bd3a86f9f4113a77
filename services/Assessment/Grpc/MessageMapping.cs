using Google.Protobuf.WellKnownTypes;
using Hmis.Assessment.V1;
using HmisPlatform.Assessment.Contracts;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.BuildingBlocks.Contracts;
using ScenarioCase = HmisPlatform.Assessment.Domain.Scenarios.ScenarioCase;

namespace HmisPlatform.Assessment.Grpc;

/// <summary>Domain objects to the contract's messages.</summary>
internal static class MessageMapping
{
    public static Assignment ToMessage(this SampleClientAssignment assignment, AssessmentPolicy policy, WaitlistPlace? place = null) => new()
    {
        MaxFailedAttempts = policy.MaxFailedAttempts,
        WaitlistPosition = place?.Position ?? 0,
        ExpectedWait = place is { } p ? Duration.FromTimeSpan(p.ExpectedWait) : null,
        JoinedAt = Timestamp.FromDateTimeOffset(assignment.JoinedAt),
        ExpiresAt = assignment.ExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
        FailedAttempts = assignment.FailedAttempts,
        ExpiredReason = assignment.ExpiredReason ?? "",
        Id = assignment.Id.ToString(),
        PersonId = assignment.PersonId.ToString(),
        Status = assignment.Status.ToContract(),
        OpenedAt = Timestamp.FromDateTimeOffset(assignment.OpenedAt),
        Scenario = assignment.CurrentCase.ToMessage(),
        EligibleScenarioCodes = { assignment.EligibleScenarios.Select(s => s.Code) },
        Attempts = { assignment.Attempts.OrderBy(a => a.SubmittedAt).Select(a => a.ToMessage()) },
    };

    private static Scenario ToMessage(this ScenarioCase scenarioCase) => new()
    {
        Code = scenarioCase.Scenario.Code,
        Title = scenarioCase.Scenario.Title,
        ProjectType = scenarioCase.Scenario.ProjectType.ToContract(),
        Variant = scenarioCase.Variant,
        Narrative = scenarioCase.Narrative,
        Documents = { scenarioCase.Documents.Select(d => new Hmis.Assessment.V1.ScenarioDocument { Title = d.Title, Text = d.Text }) },
    };

    public static Attempt ToMessage(this SampleClientAttempt attempt) => new()
    {
        Id = attempt.Id.ToString(),
        SubmittedAt = Timestamp.FromDateTimeOffset(attempt.SubmittedAt),
        Outcome = attempt.Outcome.ToContract(),
        ScenarioCode = attempt.ScenarioCode,
        Variant = attempt.Variant,
        Record = attempt.Record?.ToMessage(),
        Findings = { attempt.Findings.Select(f => new Finding
        {
            Criterion = f.Criterion,
            Element = f.Element,
            Expected = f.Expected,
            Entered = f.Entered,
            Severity = f.Severity.ToContract(),
            Guidance = f.Guidance,
        }) },
        GradedOutcome = attempt.GradedOutcome?.ToContract() ?? Hmis.Assessment.V1.AttemptOutcome.Unspecified,
        OverrideReason = attempt.OverrideReason ?? "",
        Walkthrough = attempt.Walkthrough is { } w
            ? new Hmis.Assessment.V1.Walkthrough { StaffMember = w.StaffMember, StartsAt = Timestamp.FromDateTimeOffset(w.StartsAt), Length = Duration.FromTimeSpan(w.Length) }
            : null,
    };
}
