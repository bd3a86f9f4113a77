using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// The go-live import's sign-ins: the agencies' ATAs and Supervisors, with the person ids the agencies' import gave
/// them. Only those two roles come this way. An account with the same person, e-mail, role and agency is the one
/// imported before; an e-mail or id that signs in as anyone else is refused.
/// </summary>
public static class StaffImport
{
    public const string OnlyAdministratorsReason = "ONLY_ADMINISTRATORS_IMPORTED";

    public static StaffInvitation Check(string email, string role, string agencyId, string personId)
    {
        if (role is not (StaffRoles.Ata or StaffRoles.Supervisor))
        {
            throw DomainException.Invalid(OnlyAdministratorsReason, "The import brings in ATAs and Supervisors.",
                new FieldViolation("role", "ata or supervisor", OnlyAdministratorsReason));
        }
        var checkedInvitation = StaffInvitation.Create(email, role, agencyId, "");
        return checkedInvitation with { PersonId = Ids.Parse(personId, "person_id") };
    }

    /// <summary>Whether the account is the one the invitation would make: then the row is unchanged.</summary>
    public static bool IsSameAs(this StaffInvitation invitation, Guid id, string? email, string role, Guid? agencyId) =>
        id == invitation.PersonId && email == invitation.Email && role == invitation.Role && agencyId == invitation.AgencyId;
}

/// <summary>What the audit keeps of an import run: per file, counts only, and a file name that cannot carry anything else.</summary>
public static class ImportRunSummary
{
    /// <summary>The file's name if it is one of the import's files; otherwise "other", so the record holds no free text.</summary>
    public static string FileName(string file) => file is "agencies.csv" or "administrators.csv" or "users.csv" or "lms.csv" ? file : "other";
}
