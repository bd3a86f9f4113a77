using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Scenarios;

/// <summary>
/// A fictional client for one project type's workflow, with what that workflow asks beyond the common elements:
/// a housing move-in date through an interim assessment (PSH, RRH, SSVF rapid re-housing), night-by-night
/// check-ins and check-outs (shelters, drop-in), and service transactions (SSVF's RRH assistance, outreach contacts,
/// case management). Every attempt works on its own variant (<see cref="Case"/>).
/// </summary>
public sealed record Scenario(
    string Code,
    string Title,
    ProjectType ProjectType,
    string Provider,
    bool HousingMoveIn,
    bool NightByNight,
    IReadOnlyList<ServiceType> Services,
    ScenarioStory Story)
{
    /// <summary>One variant of this scenario: the documents the trainee reads and the record a careful trainee enters.</summary>
    public ScenarioCase Case(int variant, DateOnly asOf) => ScenarioCases.Build(this, variant, asOf);
}

/// <summary>How a scenario's client got here and where they go: the facts its variants are drawn around.</summary>
public sealed record ScenarioStory(
    string Setting,
    LivingSituation Prior,
    LivingSituation Current,
    LivingSituation Destination,
    ExitReason ReasonForLeaving,
    BenefitSource EntryIncome,
    BenefitSource LaterIncome,
    BenefitSource NonCash,
    BenefitSource Insurance,
    HouseholdShape Household,
    bool LockRequested = false,
    bool Veteran = false,
    bool SsnUnknown = false,
    bool Disabled = false);

/// <summary>Who comes with the client.</summary>
public enum HouseholdShape
{
    Single,
    ParentWithTwoChildren,
    Couple,
}
