using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Notifications.Domain;

/// <summary>Whose notifications a caller reads, and who may choose a daily digest.</summary>
public static class Inboxes
{
    public const string AdministratorsOnlyReason = "ADMINISTRATORS_ONLY";

    /// <summary>The caller's own inbox, and their team's for the people of the HMIS and CE teams.</summary>
    public static IReadOnlyList<string> Of(Caller caller)
    {
        List<string> inboxes = [caller.Subject];
        if (caller.IsHmisTeam && caller.Role is not null)
        {
            inboxes.Add(Recipient.HmisTeamKey);
        }
        if (caller.IsCeTeam)
        {
            inboxes.Add(Recipient.CeTeamKey);
        }
        return inboxes;
    }

    /// <summary>Only ATAs and Supervisors receive the many per-trainee messages a digest groups.</summary>
    public static string EnsureMayChooseDigest(Caller caller) =>
        caller.Role is Caller.AtaRole or Caller.SupervisorRole
            ? caller.Subject
            : throw DomainException.PermissionDenied(AdministratorsOnlyReason, "Only ATAs and Supervisors choose a daily digest.");
}
