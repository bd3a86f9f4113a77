using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// The rules of registering an agency's system as an OAuth client: a stable, readable client id; one agency; the
/// agency scopes it needs and never the HMIS team's own (an agency system does not review requests).
/// </summary>
public sealed partial record ClientRegistration(string ClientId, string DisplayName, Guid AgencyId, IReadOnlyList<string> Scopes)
{
    public const int MaxDisplayNameLength = 200;
    public const string InvalidClientIdReason = "INVALID_CLIENT_ID";
    public const string InvalidDisplayNameReason = "INVALID_DISPLAY_NAME";
    public const string InvalidScopeReason = "INVALID_SCOPE";

    /// <summary>The scopes an agency's system may hold.</summary>
    public static IReadOnlyList<string> AgencyScopes { get; } =
        [.. PlatformIdentity.Scopes.Where(s => s is not (PlatformIdentity.RequestsReview or PlatformIdentity.RequestsCeDecide or PlatformIdentity.CredentialsActivate))];

    public static ClientRegistration Create(string clientId, string displayName, string agencyId, IEnumerable<string> scopes)
    {
        var violations = new List<FieldViolation>();
        if (!ClientIdPattern().IsMatch(clientId))
        {
            violations.Add(new FieldViolation("client_id", "3 to 64 lowercase letters, digits and hyphens", InvalidClientIdReason));
        }
        var name = displayName.Trim();
        if (name.Length is 0 or > MaxDisplayNameLength)
        {
            violations.Add(new FieldViolation("display_name", $"required, at most {MaxDisplayNameLength} characters", InvalidDisplayNameReason));
        }
        var requested = scopes.ToList();
        if (requested.Count == 0)
        {
            violations.Add(new FieldViolation("scopes", "at least one scope", InvalidScopeReason));
        }
        for (var i = 0; i < requested.Count; i++)
        {
            if (!AgencyScopes.Contains(requested[i], StringComparer.Ordinal))
            {
                violations.Add(new FieldViolation($"scopes[{i}]", $"not an agency scope; one of {string.Join(", ", AgencyScopes)}", InvalidScopeReason));
            }
        }
        Guid agency = default;
        if (!Guid.TryParse(agencyId, out agency) || agency == Guid.Empty)
        {
            violations.Add(new FieldViolation("agency_id", "must be a UUID", Ids.InvalidIdReason));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations[0].Reason!, "The client registration is not valid.", [.. violations]);
        }
        return new ClientRegistration(clientId, name, agency, [.. requested.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>A new client secret: 256 random bits, URL-safe. It is returned once and stored only as a hash.</summary>
    public static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
