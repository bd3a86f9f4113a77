using System.Security.Claims;

namespace HmisPlatform;

/// <summary>
/// What the gateway's tokens carry and every service checks: the audience, the caller's agency, the roles, and the
/// scopes that grant each group of RPCs. Every role and scope name is defined here and nowhere else.
/// </summary>
public static class PlatformIdentity
{
    /// <summary>The audience of every access token for the platform's API.</summary>
    public const string Audience = "hmis-api";

    /// <summary>The agency an agency system's client belongs to.</summary>
    public const string AgencyClaim = "agency_id";

    public const string ScopeClaim = "scope";

    /// <summary>The caller's role, when it is more than an agency's system.</summary>
    public const string RoleClaim = "role";

    /// <summary>The HMIS Lead's team: reviews every request and sees every agency's data.</summary>
    public const string HmisTeamRole = "hmis_team";

    /// <summary>One of the platform's own services calling another (Requests asking Credentialing).</summary>
    public const string PlatformServiceRole = "platform_service";

    /// <summary>The LMS's own integration, reporting course progress in the built-in LMS mode.</summary>
    public const string LmsRole = "lms";

    /// <summary>The Lead Coordinated Entry team: decides HRS / 1474 requests.</summary>
    public const string CeTeamRole = "ce_team";

    /// <summary>An agency's technical administrator: asks for access for the agency's people.</summary>
    public const string AtaRole = "ata";

    /// <summary>An agency's supervisor: validates new hires on a request, and hears what the ATA hears.</summary>
    public const string SupervisorRole = "supervisor";

    /// <summary>A person on their way to HMIS access, doing their own steps.</summary>
    public const string TraineeRole = "trainee";

    /// <summary>The client a token was issued to: an agency's system, the web UI, or a service.</summary>
    public const string ClientIdClaim = "client_id";

    public const string RequestsRead = "requests.read";
    public const string RequestsWrite = "requests.write";
    public const string RequestsReview = "requests.review";
    /// <summary>The CE team's decisions on HRS / 1474 requests.</summary>
    public const string RequestsCeDecide = "requests.ce_decide";
    public const string TrainingRead = "training.read";
    /// <summary>Registering a person's LMS account (their agency and the HMIS team).</summary>
    public const string TrainingWrite = "training.write";
    /// <summary>
    /// Course progress: the LMS's own reports, and the HMIS team's corrections. Never an agency's: a course is done by
    /// the person taking it, and only the LMS knows.
    /// </summary>
    public const string TrainingProgressWrite = "training.progress.write";
    public const string AssessmentRead = "assessment.read";
    public const string AssessmentWrite = "assessment.write";
    public const string CredentialsRead = "credentials.read";
    public const string CredentialsWrite = "credentials.write";
    /// <summary>
    /// Issuing a user's single-use activation link, and nothing else: held by the service that e-mails it to the user
    /// (Notifications). Whoever holds <see cref="CredentialsWrite"/> may issue one too.
    /// </summary>
    public const string CredentialsActivate = "credentials.activate";
    /// <summary>
    /// Giving an approved trainee their sign-in (the platform's service that e-mails them their approval); the HMIS team
    /// invites anyone.
    /// </summary>
    public const string StaffInviteTrainee = "staff.invite_trainee";
    /// <summary>One's own notifications (inbox, read marks, delivery choice); the failed list is the HMIS team's.</summary>
    public const string NotificationsRead = "notifications.read";
    /// <summary>
    /// E-mailing a person their invitation link: the gateway's own identity alone holds it (it makes the links). Not among
    /// <see cref="Scopes"/>: no client, role or person can be given it.
    /// </summary>
    public const string NotificationsSendInvitation = "notifications.send_invitation";
    /// <summary>
    /// The go-live import (agencies, administrators, accounts, credits, LMS records): the HMIS team's alone, and only
    /// with the HMIS team's role besides the scope (<see cref="ImportsData"/>).
    /// </summary>
    public const string DataImport = "data.import";
    /// <summary>The client id of the gateway's own tokens, when it calls a service as itself.</summary>
    public const string GatewayClientId = "hmis-gateway";

    public static IReadOnlyList<string> Scopes { get; } =
    [
        RequestsRead, RequestsWrite, RequestsReview, RequestsCeDecide, TrainingRead, TrainingWrite, TrainingProgressWrite,
        AssessmentRead, AssessmentWrite, CredentialsRead, CredentialsWrite, CredentialsActivate, NotificationsRead, StaffInviteTrainee, DataImport,
    ];

    /// <summary>Whether the caller may run the go-live import: the import scope, held by the HMIS team.</summary>
    public static bool ImportsData(this ClaimsPrincipal caller) =>
        caller.HasScope(DataImport) && caller.HasClaim(RoleClaim, HmisTeamRole);

    /// <summary>Whether the caller's token grants the scope (scope claims are space-separated lists).</summary>
    public static bool HasScope(this ClaimsPrincipal caller, string scope) =>
        caller.FindAll(ScopeClaim).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
