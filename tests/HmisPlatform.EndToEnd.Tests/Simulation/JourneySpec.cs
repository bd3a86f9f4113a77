using CsCheck;
using Hmis.Common.V1;

namespace HmisPlatform.EndToEnd.Tests.Simulation;

/// <summary>How a generated journey goes: what its people, its reviewers and the clock do.</summary>
public enum JourneyOutcome
{
    Pass,
    CorrectionsThenPass,
    WalkthroughThenPass,
    RedoTrainingThenPass,
    ThreeFailures,
    Denied,
    Withdrawn,
    InformationThenPass,
    Resubmission,
    CeApprovedAssignmentWaived,
    CeApprovedTakesAssignment,
    CeDenied,
    HelpDesk,
    ReadOnly,
    ReportingOnly,
    NewProjectAccess,
    ReturningUserTransfer,
    TailoredCoursesThenPass,

    // These need the clock to move (the simulator's second phase).
    SeatExpiry,
    TrainingLapse,
    InactivityRemoval,
}

/// <summary>
/// One generated journey: its outcome, how many people one request bundles, and the access asked for. CsCheck generates
/// them (and, when one fails, shrinks it to its smallest form: fewer people, fewer projects, the earliest outcome).
/// </summary>
public sealed record JourneySpec(JourneyOutcome Outcome, int People, ProjectType[] ProjectTypes, Responsibility[] Responsibilities)
{
    public bool MovesTheClock => Outcome >= JourneyOutcome.SeatExpiry;

    public override string ToString() =>
        $"{Outcome} x{People} [{string.Join(", ", ProjectTypes)}] [{string.Join(", ", Responsibilities)}]";

    /// <summary>Project types whose people enter client data and take the assignment.</summary>
    private static readonly ProjectType[] DataEntryTypes =
    [
        ProjectType.EmergencyShelter, ProjectType.HousingPshRrhFamilies, ProjectType.HousingPshRrhSingles, ProjectType.OutreachPath,
        ProjectType.Ssvf, ProjectType.ServicesOnly, ProjectType.DropInDayShelter, ProjectType.EmploymentAndIncome, ProjectType.HousingSystemNavigation,
    ];

    /// <summary>One or two project types, never both PSH/RRH bundles (a user takes only the one that fits).</summary>
    private static readonly Gen<ProjectType[]> Projects =
        Gen.Int[1, 2].SelectMany(n => Gen.OneOf(DataEntryTypes).Array[n])
            .Select(types => types.Distinct().ToArray())
            .Where(types => !(types.Contains(ProjectType.HousingPshRrhFamilies) && types.Contains(ProjectType.HousingPshRrhSingles)));

    private static readonly Gen<Responsibility[]> DataEntry =
        Gen.OneOf<Responsibility[]>([Responsibility.EnterClientData], [Responsibility.EnterClientData, Responsibility.ReceiveReferrals],
            [Responsibility.EnterClientData, Responsibility.Reporting]);

    /// <summary>Outcomes that bundle several people on one request where the form allows it.</summary>
    private static bool Bundles(JourneyOutcome outcome) => outcome is JourneyOutcome.Pass or JourneyOutcome.Denied or JourneyOutcome.Withdrawn
        or JourneyOutcome.CorrectionsThenPass or JourneyOutcome.ReadOnly or JourneyOutcome.ReportingOnly or JourneyOutcome.NewProjectAccess;

    public static Gen<JourneySpec> For(Gen<JourneyOutcome> outcomes) =>
        from outcome in outcomes
        from people in Bundles(outcome) ? Gen.Int[1, 3] : Gen.Const(1)
        from projects in Projects
        from responsibilities in DataEntry
        from helpDesk in Gen.OneOf<ProjectType[]>([ProjectType.Hpcc], [ProjectType.StateHomelessPrevention], [ProjectType.Hpcc, ProjectType.StateHomelessPrevention])
        select outcome switch
        {
            JourneyOutcome.HelpDesk => new JourneySpec(outcome, people, helpDesk, responsibilities),
            JourneyOutcome.CeApprovedAssignmentWaived or JourneyOutcome.CeDenied =>
                new JourneySpec(outcome, people, [ProjectType.CoordinatedEntry1474], [Responsibility.EnterClientData, Responsibility.ReceiveReferrals]),
            JourneyOutcome.CeApprovedTakesAssignment =>
                new JourneySpec(outcome, people, [ProjectType.CoordinatedEntry1474, ProjectType.ServicesOnly], [Responsibility.EnterClientData, Responsibility.ReceiveReferrals]),
            JourneyOutcome.ReadOnly => new JourneySpec(outcome, people, projects, [Responsibility.ReadOnly]),
            JourneyOutcome.ReportingOnly => new JourneySpec(outcome, people, projects, [Responsibility.Reporting]),
            // A current user adds a project that needs its own course, or one that does not.
            JourneyOutcome.NewProjectAccess => new JourneySpec(outcome, people, [projects[0] == ProjectType.Ssvf ? ProjectType.OutreachPath : ProjectType.Ssvf], responsibilities),
            _ => new JourneySpec(outcome, people, projects, responsibilities),
        };

    /// <summary>Every outcome that needs no clock, most of them the ordinary pass.</summary>
    public static Gen<JourneySpec> WithoutClock { get; } = For(Gen.Frequency(
        [.. Enum.GetValues<JourneyOutcome>().Where(o => o < JourneyOutcome.SeatExpiry).Select(o => (o == JourneyOutcome.Pass ? 4 : 1, Gen.Const(o)))]));

    public static Gen<JourneySpec> WithClock { get; } = For(Gen.OneOf(JourneyOutcome.SeatExpiry, JourneyOutcome.TrainingLapse, JourneyOutcome.InactivityRemoval));
}
