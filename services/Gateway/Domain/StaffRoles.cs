namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// The people who sign in, and what each role's token may do. The HMIS team and the CE team see every agency's
/// people and must use a second factor (TOTP); ATAs, Supervisors and trainees act within their agency.
/// </summary>
public static class StaffRoles
{
    public const string HmisTeam = PlatformIdentity.HmisTeamRole;
    public const string CeTeam = PlatformIdentity.CeTeamRole;
    public const string Ata = PlatformIdentity.AtaRole;
    public const string Supervisor = PlatformIdentity.SupervisorRole;
    public const string Trainee = PlatformIdentity.TraineeRole;

    public static IReadOnlyList<string> All { get; } = [HmisTeam, CeTeam, Ata, Supervisor, Trainee];

    /// <summary>The HMIS and CE teams, as a page's <c>[Authorize(Roles = …)]</c> lists them.</summary>
    public const string Teams = HmisTeam + "," + CeTeam;

    /// <summary>An agency's ATAs and Supervisors.</summary>
    public const string Administrators = Ata + "," + Supervisor;

    /// <summary>Everyone who decides on or asks for access: the teams and the agencies' administrators.</summary>
    public const string TeamsAndAdministrators = Teams + "," + Administrators;

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>The role in words, as people read it.</summary>
    public static string TitleOf(string role) => role switch
    {
        HmisTeam => "a member of the HMIS team",
        CeTeam => "a member of the Lead CE team",
        Ata => "your agency's ATA (Agency Technical Administrator)",
        Supervisor => "a Supervisor at your agency",
        Trainee => "a trainee on the way to HMIS access",
        _ => role,
    };

    /// <summary>Roles that see beyond one agency must sign in with a second factor.</summary>
    public static bool RequiresTwoFactor(string role) => role is HmisTeam or CeTeam or Ata or Supervisor;

    /// <summary>Roles that belong to one agency, and so need one.</summary>
    public static bool BelongsToAnAgency(string role) => role is Ata or Supervisor or Trainee;

    /// <summary>The scopes a signed-in person's tokens carry.</summary>
    public static IReadOnlyList<string> ScopesOf(string role) => role switch
    {
        HmisTeam => PlatformIdentity.Scopes,
        // The CE team trains and records Housing Resource Specialists and Housing System Navigators (their role courses).
        CeTeam => [PlatformIdentity.RequestsRead, PlatformIdentity.RequestsCeDecide, PlatformIdentity.TrainingRead, PlatformIdentity.TrainingProgressWrite,
            PlatformIdentity.AssessmentRead, PlatformIdentity.CredentialsRead, PlatformIdentity.NotificationsRead],
        Ata or Supervisor => ClientRegistration.AgencyScopes,
        Trainee => [PlatformIdentity.TrainingRead, PlatformIdentity.AssessmentRead, PlatformIdentity.AssessmentWrite, PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite, PlatformIdentity.NotificationsRead],
        _ => [],
    };
}
