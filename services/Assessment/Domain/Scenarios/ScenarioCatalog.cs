using Hmis.Common.V1;

namespace HmisPlatform.Assessment.Domain.Scenarios;

/// <summary>The scenarios trainees work on, one per project-type workflow.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> Scenarios { get; } =
    [
        new("ES_SINGLE_ADULT", ProjectType.EmergencyShelter, "an emergency shelter as a single adult"),
        new("PSH_FAMILY", ProjectType.HousingPshRrhFamilies, "a permanent supportive housing project with two children"),
        new("RRH_SINGLE", ProjectType.HousingPshRrhSingles, "a rapid re-housing project as a single adult"),
        new("STREET_OUTREACH", ProjectType.OutreachPath, "a street outreach team's encampment visit"),
        new("SSVF_VETERAN", ProjectType.Ssvf, "an SSVF program with their veteran household"),
        new("SERVICES_ONLY", ProjectType.ServicesOnly, "a services-only project"),
        new("DROP_IN", ProjectType.DropInDayShelter, "a drop-in day shelter"),
    ];

    /// <summary>The scenario for the first of the person's project types that has one; Services Only otherwise.</summary>
    public static Scenario For(IEnumerable<ProjectType> projectTypes) =>
        projectTypes.Select(p => Scenarios.FirstOrDefault(s => s.ProjectType == p)).FirstOrDefault(s => s is not null)
            ?? Find("SERVICES_ONLY");

    public static Scenario Find(string code) => Scenarios.Single(s => s.Code == code);
}
