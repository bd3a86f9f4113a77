using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Notifications.Domain;

/// <summary>
/// A person's invitation to set their HmisPlatform password, as the gateway asks for it to be e-mailed: to whom, as what,
/// and the path of the page. The path is a secret (it holds a single-use token): it goes into the e-mail alone.
/// </summary>
public sealed record Invitation(Guid RequestId, Guid PersonId, EmailAddress Email, string RoleTitle, Guid? AgencyId, string SetPasswordPath)
{
    public const string InvalidPathReason = "INVALID_SET_PASSWORD_PATH";
    public const string SetPasswordPathPrefix = "/account/set-password?";
    public const int MaxRoleTitleLength = 60;
    public const int MaxPathLength = 2000;

    public static Invitation Create(string requestId, string personId, string email, string roleTitle, string agencyId, string setPasswordPath)
    {
        var path = setPasswordPath.Trim();
        if (!path.StartsWith(SetPasswordPathPrefix, StringComparison.Ordinal) || path.Length > MaxPathLength
            || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '\''))
        {
            throw DomainException.Invalid(InvalidPathReason, "The set-password path is not one the gateway makes.",
                new FieldViolation("set_password_path", $"must start {SetPasswordPathPrefix} and be a plain URL path", InvalidPathReason));
        }
        var title = roleTitle.Trim();
        if (title.Length == 0 || PlainText.HasControlCharacters(title))
        {
            throw DomainException.Invalid(PlainText.ControlCharactersReason, "The role title must be plain text.",
                new FieldViolation("role_title", "required, plain text", PlainText.ControlCharactersReason));
        }
        PlainText.EnsureFits(title, "role_title", MaxRoleTitleLength);
        return new Invitation(
            Ids.Parse(requestId, "request_id"),
            Ids.Parse(personId, "person_id"),
            EmailAddress.Parse(email, "email"),
            title,
            agencyId.Length == 0 ? null : Ids.Parse(agencyId, "agency_id"),
            path);
    }

    /// <summary>Who it goes to: the person, whose inbox (keyed by their account id) keeps the copy without the link.</summary>
    public Recipient Recipient => new(PersonId.ToString(), Email.Value, Email.Value, Audience.User);
}
