using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Scenarios;

/// <summary>The scenarios trainees work on, one per project-type workflow of the project courses.</summary>
public static class ScenarioCatalog
{
    public const string UnknownScenarioReason = "SCENARIO_UNKNOWN";

    public static IReadOnlyList<Scenario> Scenarios { get; } =
    [
        new("ES_SINGLE_ADULT", "Emergency Shelter: single adult", ProjectType.EmergencyShelter, "Lakeview Overnight Shelter (training)",
            HousingMoveIn: false, NightByNight: true, Services: [],
            new ScenarioStory("the shelter's intake desk", LivingSituation.StayingWithFriendsTemporary, LivingSituation.EmergencyShelter,
                LivingSituation.StayingWithFamilyPermanent, ExitReason.LeftForHousing,
                BenefitSource.Unemployment, BenefitSource.EarnedIncome, BenefitSource.Snap, BenefitSource.Medicaid, HouseholdShape.Single)),
        new("PSH_FAMILY", "Permanent Supportive Housing: family with children", ProjectType.HousingPshRrhFamilies, "Harbor Family Supportive Housing (training)",
            HousingMoveIn: true, NightByNight: false, Services: [],
            new ScenarioStory("a family supportive housing program", LivingSituation.EmergencyShelter, LivingSituation.StayingWithFamilyTemporary,
                LivingSituation.RentalWithSubsidy, ExitReason.LeftForHousing,
                BenefitSource.Tanf, BenefitSource.ChildSupport, BenefitSource.Wic, BenefitSource.ChildrensHealthInsurance, HouseholdShape.ParentWithTwoChildren,
                LockRequested: true, Disabled: true)),
        new("RRH_SINGLE", "Rapid Re-housing: single adult", ProjectType.HousingPshRrhSingles, "Northside Rapid Re-housing (training)",
            HousingMoveIn: true, NightByNight: false, Services: [],
            new ScenarioStory("a rapid re-housing program", LivingSituation.PlaceNotMeantForHabitation, LivingSituation.EmergencyShelter,
                LivingSituation.RentalNoSubsidy, ExitReason.CompletedProgram,
                BenefitSource.Ssi, BenefitSource.EarnedIncome, BenefitSource.Snap, BenefitSource.Medicaid, HouseholdShape.Single)),
        new("STREET_OUTREACH", "Street Outreach: encampment visit", ProjectType.OutreachPath, "Riverwalk Street Outreach (training)",
            HousingMoveIn: false, NightByNight: false, Services: [ServiceType.OutreachContact],
            new ScenarioStory("an encampment under a viaduct, where an outreach worker meets them", LivingSituation.StayingWithFamilyTemporary,
                LivingSituation.PlaceNotMeantForHabitation, LivingSituation.EmergencyShelter, ExitReason.LeftForHousing,
                BenefitSource.Ssdi, BenefitSource.EarnedIncome, BenefitSource.Snap, BenefitSource.Medicare, HouseholdShape.Single,
                SsnUnknown: true, Disabled: true)),
        new("SSVF_VETERAN", "SSVF: veteran household with rapid re-housing assistance", ProjectType.Ssvf, "Liberty Veterans SSVF (training)",
            HousingMoveIn: true, NightByNight: false, Services: [ServiceType.RrhRentalAssistance],
            new ScenarioStory("an SSVF office", LivingSituation.HotelWithoutVoucher, LivingSituation.StayingWithFriendsTemporary,
                LivingSituation.RentalNoSubsidy, ExitReason.CompletedProgram,
                BenefitSource.VaDisabilityCompensation, BenefitSource.EarnedIncome, BenefitSource.Snap, BenefitSource.VaMedical, HouseholdShape.Couple,
                Veteran: true, Disabled: true)),
        new("SERVICES_ONLY", "Services Only: case management", ProjectType.ServicesOnly, "Westside Supportive Services (training)",
            HousingMoveIn: false, NightByNight: false, Services: [ServiceType.CaseManagement],
            new ScenarioStory("a services-only program", LivingSituation.JailOrPrison, LivingSituation.StayingWithFamilyTemporary,
                LivingSituation.StayingWithFamilyPermanent, ExitReason.CompletedProgram,
                BenefitSource.Unemployment, BenefitSource.EarnedIncome, BenefitSource.Snap, BenefitSource.Medicaid, HouseholdShape.Single)),
        new("DROP_IN", "Drop-in / Day Shelter: day visits", ProjectType.DropInDayShelter, "Midtown Drop-in Center (training)",
            HousingMoveIn: false, NightByNight: true, Services: [],
            new ScenarioStory("a drop-in day center", LivingSituation.EmergencyShelter, LivingSituation.PlaceNotMeantForHabitation,
                LivingSituation.TransitionalHousing, ExitReason.LeftForHousing,
                BenefitSource.Ssi, BenefitSource.EarnedIncome, BenefitSource.Snap, BenefitSource.Medicaid, HouseholdShape.Single)),
    ];

    /// <summary>The scenarios that follow the person's project courses; Services Only when none of them has its own.</summary>
    public static IReadOnlyList<Scenario> EligibleFor(IEnumerable<ProjectType> projectTypes)
    {
        var types = projectTypes.ToHashSet();
        var eligible = Scenarios.Where(s => types.Contains(s.ProjectType)).ToList();
        return eligible.Count > 0 ? eligible : [Find("SERVICES_ONLY")!];
    }

    public static Scenario? Find(string code) => Scenarios.FirstOrDefault(s => s.Code == code);
}
