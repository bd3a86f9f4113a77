using AssignmentStatus = Hmis.Assessment.V1.AssignmentStatus;
using AttemptOutcome = Hmis.Assessment.V1.AttemptOutcome;
using Hmis.Common.V1;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Scenarios;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>A trainee's seat for the Sample Client Assignment, the scenario variant they work on, and their attempts.</summary>
public sealed class SampleClientAssignment
{
    public const string NotOpenReason = "ASSIGNMENT_NOT_OPEN";

    private readonly List<SampleClientAttempt> _attempts = [];

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string ScenarioCode { get; private set; } = "";

    /// <summary>Seed of this trainee's scenario variant.</summary>
    public int VariantSeed { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public IReadOnlyList<SampleClientAttempt> Attempts => _attempts;

    public Scenario Scenario => ScenarioCatalog.Find(ScenarioCode);

    public ClientFacts AnswerKey => Scenario.Variant(VariantSeed, DateOnly.FromDateTime(OpenedAt.UtcDateTime));

    private SampleClientAssignment()
    {
    }

    public static SampleClientAssignment Open(Guid personId, Guid accessRequestId, Guid agencyId, IEnumerable<ProjectType> projectTypes, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new SampleClientAssignment
        {
            Id = id,
            PersonId = personId,
            AccessRequestId = accessRequestId,
            AgencyId = agencyId,
            ScenarioCode = ScenarioCatalog.For(projectTypes).Code,
            VariantSeed = BitConverter.ToInt32(id.ToByteArray(), 12),
            Status = AssignmentStatus.Seated,
            OpenedAt = now,
        };
    }

    /// <summary>Grades the record and records the attempt; returns it.</summary>
    public SampleClientAttempt Submit(EnteredRecord record, DateTimeOffset now)
    {
        if (Status != AssignmentStatus.Seated)
        {
            throw DomainException.Precondition(NotOpenReason, "This assignment takes no more attempts.",
                new PreconditionViolation("ASSIGNMENT", $"assignments/{Id}", $"status is {Status}"));
        }
        var findings = SampleClientGrader.Grade(record, AnswerKey);
        var attempt = new SampleClientAttempt(Guid.CreateVersion7(now), now, SampleClientGrader.Outcome(findings), findings);
        _attempts.Add(attempt);
        if (attempt.Outcome == AttemptOutcome.Passed)
        {
            Status = AssignmentStatus.Passed;
        }
        return attempt;
    }
}
