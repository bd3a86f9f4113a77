using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.Assessment.Domain.Scenarios;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>One graded submission of the sample client record.</summary>
public sealed class SampleClientAttempt
{
    public Guid Id { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Who submitted it: the trainee, directly or through their agency's system with their own sign-in.</summary>
    public Actor SubmittedBy { get; private set; } = null!;

    public AttemptOutcome Outcome { get; private set; }

    /// <summary>The scenario and variant it was graded on.</summary>
    public string ScenarioCode { get; private set; } = "";

    public int Variant { get; private set; }

    /// <summary>The record as the trainee entered it, for staff to go through with them.</summary>
    public ClientRecord? Record { get; private set; }

    public List<Finding> Findings { get; private set; } = [];

    /// <summary>The grader's outcome when staff overrode it.</summary>
    public AttemptOutcome? GradedOutcome { get; private set; }

    public string? OverrideReason { get; private set; }

    public Walkthrough? Walkthrough { get; private set; }

    public SampleClientAttempt(Guid id, DateTimeOffset submittedAt, Actor submittedBy, ScenarioCase scenarioCase, ClientRecord record, AttemptOutcome outcome,
        IEnumerable<Finding> findings)
    {
        Id = id;
        SubmittedAt = submittedAt;
        SubmittedBy = submittedBy;
        ScenarioCode = scenarioCase.Scenario.Code;
        Variant = scenarioCase.Variant;
        Record = record;
        Outcome = outcome;
        Findings = [.. findings];
    }

    private SampleClientAttempt()
    {
    }

    public bool Failed => Outcome != AttemptOutcome.Passed;

    internal void Override(AttemptOutcome outcome, string reason)
    {
        GradedOutcome ??= Outcome;
        Outcome = outcome;
        OverrideReason = reason;
    }

    internal void Book(Walkthrough walkthrough) => Walkthrough = walkthrough;
}
