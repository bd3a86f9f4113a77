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
    /// <summary>
    /// Where the system may receive a signed-in person's authorization code: the system then acts for that person,
    /// with their consent (authorization code with PKCE). None: it acts only with its own token, for the agency.
    /// </summary>
    public IReadOnlyList<Uri> RedirectUris { get; init; } = [];

    public const int MaxRedirectUris = 5;
    public const string InvalidRedirectUriReason = "INVALID_REDIRECT_URI";

    public const int MaxDisplayNameLength = 200;
    public const string InvalidClientIdReason = "INVALID_CLIENT_ID";
    public const string InvalidDisplayNameReason = "INVALID_DISPLAY_NAME";
    public const string InvalidScopeReason = "INVALID_SCOPE";

    /// <summary>
    /// The scopes an agency's system may hold: never the HMIS or CE team's decisions, the activation link, or course
    /// progress (which comes from the LMS). A person's own steps (attempts, signatures) need that person's sign-in
    /// besides the scope: the services refuse them to the agency's own token.
    /// </summary>
    public static IReadOnlyList<string> AgencyScopes { get; } =
        [.. PlatformIdentity.Scopes.Where(s => s is not (PlatformIdentity.RequestsReview or PlatformIdentity.RequestsCeDecide or PlatformIdentity.CredentialsActivate
            or PlatformIdentity.TrainingProgressWrite or PlatformIdentity.StaffInviteTrainee or PlatformIdentity.DataImport))];

    /// <summary>The scopes of the LMS's own integration: read the learning paths, report progress.</summary>
    public static IReadOnlyList<string> LmsScopes { get; } = [PlatformIdentity.TrainingRead, PlatformIdentity.TrainingProgressWrite];

    public static ClientRegistration Create(string clientId, string displayName, string agencyId, IEnumerable<string> scopes, IEnumerable<string>? redirectUris = null)
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
        var redirects = RedirectUrisOf([.. redirectUris ?? []], violations);
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations[0].Reason!, "The client registration is not valid.", [.. violations]);
        }
        return new ClientRegistration(clientId, name, agency, [.. requested.Distinct(StringComparer.Ordinal)]) { RedirectUris = redirects };
    }

    /// <summary>
    /// Absolute https addresses without a fragment, or http on the loopback address for a program on the person's own
    /// machine (RFC 8252); at most <see cref="MaxRedirectUris"/>.
    /// </summary>
    private static List<Uri> RedirectUrisOf(IReadOnlyList<string> given, List<FieldViolation> violations)
    {
        if (given.Count > MaxRedirectUris)
        {
            violations.Add(new FieldViolation("redirect_uris", $"at most {MaxRedirectUris}", InvalidRedirectUriReason));
            return [];
        }
        var uris = new List<Uri>();
        for (var i = 0; i < given.Count; i++)
        {
            if (Uri.TryCreate(given[i].Trim(), UriKind.Absolute, out var uri) && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
                && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                uris.Add(uri);
            }
            else
            {
                violations.Add(new FieldViolation($"redirect_uris[{i}]", "an absolute https address without a fragment, or http on the loopback address",
                    InvalidRedirectUriReason));
            }
        }
        return [.. uris.DistinctBy(u => u.AbsoluteUri)];
    }

    /// <summary>Whether the text has the shape of a client id (so it may be recorded as one).</summary>
    public static bool LooksLikeClientId(string? text) => text is not null && ClientIdPattern().IsMatch(text);

    /// <summary>A new client secret: 256 random bits, URL-safe. It is returned once and stored only as a hash.</summary>
    public static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
