using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Applicants;

namespace HmisPlatform.Credentialing.Domain.HelpDesk;

/// <summary>
/// The Help Desk route into step 4: HPCC and State Homeless Prevention access needs no Sample Client Assignment;
/// access is given when the HMIS Help Desk is notified, once the person's training is complete. The ATA notifies, the
/// Help Desk grants. No other project type may take this route.
/// </summary>
public sealed class HelpDeskRequest
{
    public const string RouteNotAllowedReason = "HELP_DESK_ROUTE_NOT_ALLOWED";
    public const string OnlyTheAtaNotifiesReason = "ONLY_ATA_OR_SUPERVISOR_NOTIFIES";
    public const string OnlyTheHelpDeskGrantsReason = "ONLY_THE_HELP_DESK_GRANTS";
    public const string NotNotifiedReason = "HELP_DESK_NOT_NOTIFIED";
    public const string TrainingNotCompleteReason = "TRAINING_NOT_COMPLETE";

    private static readonly ProjectType[] HelpDeskTypes = [ProjectType.Hpcc, ProjectType.StateHomelessPrevention];

    public Guid AccessRequestId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string NotifiedBy { get; private set; } = "";

    public DateTimeOffset NotifiedAt { get; private set; }

    public string? GrantedBy { get; private set; }

    public DateTimeOffset? GrantedAt { get; private set; }

    private HelpDeskRequest()
    {
    }

    /// <summary>The ATA or Supervisor of the person's agency notifies the Help Desk for an approved person whose access is only HPCC or State Homeless Prevention.</summary>
    public static HelpDeskRequest Notify(Applicant applicant, Caller ata, DateTimeOffset now)
    {
        if (!ata.IsAdministratorOf(applicant.AgencyId))
        {
            throw DomainException.PermissionDenied(OnlyTheAtaNotifiesReason, "Only an ATA or Supervisor of the agency notifies the Help Desk.");
        }
        if (applicant.ProjectTypes.Count == 0 || applicant.ProjectTypes.Any(t => !HelpDeskTypes.Contains(t)))
        {
            throw DomainException.Precondition(RouteNotAllowedReason, "Only HPCC or State Homeless Prevention access goes through the Help Desk; other access needs the Sample Client Assignment.",
                new PreconditionViolation("PROJECT_TYPES", $"access-requests/{applicant.AccessRequestId}", "includes project types other than HPCC and State Homeless Prevention"));
        }
        if (applicant.HelpDeskReadyAt is null)
        {
            throw DomainException.Precondition(TrainingNotCompleteReason, "The person's training is not complete yet; the Help Desk is notified after it.",
                new PreconditionViolation("TRAINING", $"access-requests/{applicant.AccessRequestId}/people/{applicant.PersonId}", "not complete"));
        }
        return new HelpDeskRequest
        {
            AccessRequestId = applicant.AccessRequestId,
            PersonId = applicant.PersonId,
            AgencyId = applicant.AgencyId,
            NotifiedBy = ata.Subject,
            NotifiedAt = now,
        };
    }

    /// <summary>The Help Desk grants the access; granting twice changes nothing.</summary>
    /// <returns>True when this call granted it.</returns>
    public bool Grant(Caller helpDesk, DateTimeOffset now)
    {
        if (!helpDesk.IsHmisTeam)
        {
            throw DomainException.PermissionDenied(OnlyTheHelpDeskGrantsReason, "Only the HMIS Help Desk grants this access.");
        }
        if (GrantedAt is not null)
        {
            return false;
        }
        GrantedBy = helpDesk.Subject;
        GrantedAt = now;
        return true;
    }
}
