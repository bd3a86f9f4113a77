namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// The kinds of project an agency runs, each with its own workflow course (docs/process.md, "Project types"). The
/// Continuum's vocabulary, shared by every service. Stored by these numbers: never renumber a member.
/// </summary>
public enum ProjectType
{
    Unspecified = 0,
    DropInDayShelter = 1,
    EmergencyShelter = 2,
    EmploymentAndIncome = 3,
    HousingPshRrhFamilies = 4,
    HousingPshRrhSingles = 5,
    HousingSystemNavigation = 6,
    Hpcc = 7,
    OutreachPath = 8,
    ServicesOnly = 9,
    Ssvf = 10,
    StateHomelessPrevention = 11,
    CoordinatedEntry1474 = 12,
}

/// <summary>What a user does in HMIS (docs/process.md, "Responsibilities"). Stored by these numbers.</summary>
public enum Responsibility
{
    Unspecified = 0,
    EnterClientData = 1,
    ReceiveReferrals = 2,
    Reporting = 3,
    ReadOnly = 4,
}
