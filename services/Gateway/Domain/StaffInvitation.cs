using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// The rules of inviting a person to sign in: a valid work e-mail, a known role, an agency exactly when the role
/// belongs to one, and a person id only for a trainee (the id their access request gave them).
/// </summary>
public sealed record StaffInvitation(string Email, string Role, Guid? AgencyId, Guid PersonId)
{
    public const string InvalidRoleReason = "INVALID_ROLE";
    public const string AgencyRequiredReason = "AGENCY_REQUIRED";
    public const string AgencyNotAllowedReason = "AGENCY_NOT_ALLOWED";
    public const string PersonIdNotAllowedReason = "PERSON_ID_NOT_ALLOWED";
    public const string OnlyTraineesReason = "ONLY_TRAINEES_INVITED_BY_THE_PLATFORM";

    public static StaffInvitation Create(string email, string role, string agencyId, string personId)
    {
        var address = EmailAddress.Parse(email, "email");
        var violations = new List<FieldViolation>();
        if (!StaffRoles.IsKnown(role))
        {
            violations.Add(new FieldViolation("role", $"one of {string.Join(", ", StaffRoles.All)}", InvalidRoleReason));
        }
        Guid? agency = null;
        if (StaffRoles.BelongsToAnAgency(role))
        {
            agency = agencyId.Length == 0
                ? Add(violations, new FieldViolation("agency_id", "required for this role", AgencyRequiredReason))
                : Ids.Parse(agencyId, "agency_id");
        }
        else if (agencyId.Length > 0)
        {
            violations.Add(new FieldViolation("agency_id", "the HMIS and CE teams belong to no agency", AgencyNotAllowedReason));
        }
        var person = Guid.CreateVersion7();
        if (personId.Length > 0)
        {
            person = role == StaffRoles.Trainee
                ? Ids.Parse(personId, "person_id")
                : Add(violations, new FieldViolation("person_id", "only a trainee's account names a person id", PersonIdNotAllowedReason)) ?? person;
        }
        return violations.Count > 0
            ? throw DomainException.Invalid(violations[0].Reason!, "The invitation is not valid.", [.. violations])
            : new StaffInvitation(address.Value, role, agency, person);
    }

    /// <summary>The HMIS team invites anyone; the platform's service gives an approved trainee (with their person id) theirs.</summary>
    public StaffInvitation EnsureMayInvite(Caller caller) =>
        caller.IsHmisTeam || (caller.IsPlatformService && Role == StaffRoles.Trainee)
            ? this
            : throw DomainException.PermissionDenied(OnlyTraineesReason, "Only the HMIS team invites people; the platform invites approved trainees.");

    /// <summary>
    /// Whether the invitation's link goes back to the caller: only to the platform's service that gives an approved trainee
    /// their sign-in, which e-mails it in their approval. Anyone else's invitee gets it by e-mail; the inviter never sees it.
    /// </summary>
    public bool LinkGoesToCaller(Caller caller) => caller.IsPlatformService && Role == StaffRoles.Trainee;

    private static Guid? Add(List<FieldViolation> violations, FieldViolation violation)
    {
        violations.Add(violation);
        return null;
    }
}
