using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>What a cross-agency look-up of a person may be keyed on: a normalised email, an HMIS username, or both.</summary>
public static class PersonLookup
{
    public const string KeyRequiredReason = "EMAIL_OR_USERNAME_REQUIRED";

    public static (string? Email, string? Username) Parse(string email, string username)
    {
        var hasEmail = !string.IsNullOrWhiteSpace(email);
        var hasUsername = !string.IsNullOrWhiteSpace(username);
        if (!hasEmail && !hasUsername)
        {
            throw DomainException.Invalid(KeyRequiredReason, "Give an email, a username, or both.",
                new FieldViolation("email", "an email or a username is required", KeyRequiredReason));
        }
        return (hasEmail ? EmailAddress.Parse(email, "email").Value : null, hasUsername ? username.Trim().ToLowerInvariant() : null);
    }
}
