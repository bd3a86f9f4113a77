using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.Assessment.Domain.Scenarios;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>
/// A trainee's Sample Client Assignment: their place in line, then their seat, the scenario variant they work on,
/// and their attempts. A seat is held for 10 days or 3 failed attempts; then the assignment expires.
/// </summary>
public sealed partial class SampleClientAssignment
{
    public const string NotOpenReason = "ASSIGNMENT_NOT_OPEN";
    public const string TenDays = "TEN_DAYS";
    public const string ThreeFailedAttempts = "THREE_FAILED_ATTEMPTS";
    public const string TrainingLapsed = "TRAINING_LAPSED";
    public const string ScenarioNotForProjectReason = "SCENARIO_NOT_FOR_PROJECT";

    /// <summary>Variants are numbered 1 to this, so that a number names one and 0 can mean "the next".</summary>
    private const int Variants = 1_000_000;

    private readonly List<SampleClientAttempt> _attempts = [];

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The project types the trainee was trained for: which scenarios they may choose.</summary>
    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public string ScenarioCode { get; private set; } = "";

    /// <summary>Seed of this trainee's scenario variants: each attempt gets the next one.</summary>
    public int VariantSeed { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? SeatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When the seat was given back (passed or expired); with <see cref="SeatedAt"/>, how long it was held.</summary>
    public DateTimeOffset? FreedAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public string? ExpiredReason { get; private set; }

    public IReadOnlyList<SampleClientAttempt> Attempts => _attempts;

    public Scenario Scenario => ScenarioCatalog.Find(ScenarioCode)!;

    public IReadOnlyList<Scenario> EligibleScenarios => ScenarioCatalog.EligibleFor(ProjectTypes);

    /// <summary>The variant the next attempt works on: a new one for every attempt, so answers cannot be carried over.</summary>
    public int NextVariant => VariantOf(_attempts.Count);

    /// <summary>The case of the next attempt: its documents, and the model record it is graded against.</summary>
    public ScenarioCase CurrentCase => Scenario.Case(NextVariant, CaseDate);

    /// <summary>The case of a variant of one of the assignment's scenarios.</summary>
    public ScenarioCase CaseOf(Scenario scenario, int variant) => scenario.Case(variant, CaseDate);

    /// <summary>The day a case's dates are drawn back from: when the trainee joined.</summary>
    private DateOnly CaseDate => DateOnly.FromDateTime(OpenedAt.UtcDateTime);

    private int VariantOf(int attempt) => (int)((VariantSeed + (long)attempt * 7919) % Variants) + 1;

    private SampleClientAssignment()
    {
    }

    public static SampleClientAssignment Open(Guid personId, Guid accessRequestId, Guid agencyId, IEnumerable<ProjectType> projectTypes, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var assignment = new SampleClientAssignment
        {
            Id = id,
            PersonId = personId,
            AccessRequestId = accessRequestId,
            AgencyId = agencyId,
            ProjectTypes = [.. projectTypes],
            VariantSeed = (int)(BitConverter.ToUInt32(id.ToByteArray(), 12) % Variants),
            Status = AssignmentStatus.Waiting,
            OpenedAt = now,
            JoinedAt = now,
        };
        assignment.ScenarioCode = assignment.EligibleScenarios[0].Code;
        return assignment;
    }

    /// <summary>
    /// The trainee chooses which of their project courses' scenarios to work on, any time before they pass; the next
    /// attempt is on a variant of it.
    /// </summary>
    public void ChooseScenario(string code, Caller trainee)
    {
        trainee.EnsureIsTrainee(PersonId, "chooses their scenario");
        var scenario = ScenarioCatalog.Find(code.Trim())
            ?? throw DomainException.Invalid(ScenarioCatalog.UnknownScenarioReason, "No such scenario.",
                new FieldViolation("scenario_code", $"one of {string.Join(", ", ScenarioCatalog.Scenarios.Select(s => s.Code))}", ScenarioCatalog.UnknownScenarioReason));
        EnsureOpen();
        if (!EligibleScenarios.Contains(scenario))
        {
            throw DomainException.Precondition(ScenarioNotForProjectReason, "The scenario must follow one of the project courses the trainee took.",
                new PreconditionViolation("SCENARIO", scenario.Code,
                    $"follows {scenario.ProjectType}; the trainee's scenarios are {string.Join(", ", EligibleScenarios.Select(s => s.Code))}"));
        }
        ScenarioCode = scenario.Code;
    }

    private void EnsureOpen()
    {
        if (Status is not (AssignmentStatus.Seated or AssignmentStatus.Waiting))
        {
            throw DomainException.Precondition(NotOpenReason, "This assignment takes no more attempts.",
                new PreconditionViolation("ASSIGNMENT", $"assignments/{Id}", $"status is {Status}"));
        }
    }

    /// <summary>Gives the trainee a seat, held until the policy's days pass.</summary>
    public void Seat(AssessmentPolicy policy, DateTimeOffset now)
    {
        if (Status != AssignmentStatus.Waiting)
        {
            throw new InvalidOperationException("Only a waiting trainee is seated.");
        }
        Status = AssignmentStatus.Seated;
        SeatedAt = now;
        ExpiresAt = policy.SeatExpiry(now);
    }

    /// <summary>Expires a seat held past its days; returns whether it did.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != AssignmentStatus.Seated || ExpiresAt > now)
        {
            return false;
        }
        Expire(TenDays, now);
        return true;
    }

    /// <summary>Whether the seat is free again after this change: passed, expired, or back in training.</summary>
    public bool FreedSeat => Status is AssignmentStatus.Passed or AssignmentStatus.Expired or AssignmentStatus.Retraining;

    /// <summary>
    /// The trainee's training lapsed while they waited or worked (recency): a lapsed project course sends them back to
    /// it, to rejoin the line once it is complete again; a lapsed Introduction or Data Management ends the assignment.
    /// Returns whether a seat or a place in line was given up.
    /// </summary>
    public bool TrainingExpired(bool wholePath, DateTimeOffset now)
    {
        if (Status is not (AssignmentStatus.Waiting or AssignmentStatus.Seated))
        {
            return false;
        }
        if (wholePath)
        {
            Expire(TrainingLapsed, now);
        }
        else
        {
            Status = AssignmentStatus.Retraining;
            FreedAt = now;
        }
        return true;
    }

    /// <summary>Training is complete again after a redo: the trainee rejoins the line. Returns whether they did.</summary>
    public bool Rejoin(DateTimeOffset now)
    {
        if (Status != AssignmentStatus.Retraining)
        {
            return false;
        }
        (Status, JoinedAt, SeatedAt, ExpiresAt, FreedAt) = (AssignmentStatus.Waiting, now, null, null, null);
        return true;
    }

    private void Expire(string reason, DateTimeOffset now)
    {
        Status = AssignmentStatus.Expired;
        ExpiredReason = reason;
        FreedAt = now;
    }

    /// <summary>Only the trainee submits their record: asked before the record is even read.</summary>
    public Caller EnsureSubmitter(Caller caller) => caller.EnsureIsTrainee(PersonId, "submits their Sample Client record");

    /// <summary>Grades the record and records the attempt; returns it.</summary>
    public SampleClientAttempt Submit(ClientRecord record, Caller trainee, AssessmentPolicy policy, GradingThresholds thresholds, DateTimeOffset now)
    {
        EnsureSubmitter(trainee);
        ExpireIfDue(now);
        if (Status != AssignmentStatus.Seated)
        {
            throw DomainException.Precondition(NotOpenReason, "This assignment takes no more attempts.",
                new PreconditionViolation("ASSIGNMENT", $"assignments/{Id}", $"status is {Status}"));
        }
        var scenarioCase = CurrentCase;
        var findings = SampleClientGrader.Grade(record, scenarioCase);
        var attempt = new SampleClientAttempt(Guid.CreateVersion7(now), now, trainee.AsActor(), scenarioCase, record, thresholds.OutcomeOf(findings), findings);
        _attempts.Add(attempt);
        if (attempt.Outcome == AttemptOutcome.Passed)
        {
            Status = AssignmentStatus.Passed;
            FreedAt = now;
        }
        else if (++FailedAttempts >= policy.MaxFailedAttempts)
        {
            Expire(ThreeFailedAttempts, now);
        }
        else if (attempt.Outcome == AttemptOutcome.RedoTraining)
        {
            // Back to the project course; the seat goes to the next in line meanwhile.
            Status = AssignmentStatus.Retraining;
            FreedAt = now;
        }
        return attempt;
    }
}
