using System.Globalization;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// Systems as OAuth 2.0 clients: an agency's system belongs to one agency; the HMIS team's own systems carry the
/// HMIS team role instead. Each may ask for some of the platform's scopes. What OpenIddict does not model (agency,
/// role, when registered and revoked) is kept in the registration's properties.
/// </summary>
public static class AgencyClients
{
    /// <summary>The property of a client registration that names its agency.</summary>
    public const string AgencyProperty = "agency_id";

    /// <summary>The property of a client registration that names its role, when it has one.</summary>
    public const string RoleProperty = "role";

    public const string RegisteredAtProperty = "registered_at";
    public const string RevokedAtProperty = "revoked_at";

    /// <param name="redirectUris">
    /// Where a signed-in person is sent back with an authorization code; with any, the client may also act for a
    /// person of its agency (authorization code, PKCE required).
    /// </param>
    public static OpenIddictApplicationDescriptor Describe(
        string clientId, string secret, string displayName, string? agencyId, string? role, IEnumerable<string> scopes, DateTimeOffset registeredAt,
        IReadOnlyCollection<Uri>? redirectUris = null)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
            },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        }
        if (redirectUris is { Count: > 0 })
        {
            descriptor.Permissions.UnionWith([
                OpenIddictConstants.Permissions.Endpoints.Authorization,
                OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode,
                OpenIddictConstants.Permissions.ResponseTypes.Code,
            ]);
            descriptor.Requirements.Add(OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(redirectUris);
        }
        SetProperty(descriptor, AgencyProperty, agencyId);
        SetProperty(descriptor, RoleProperty, role);
        SetProperty(descriptor, RegisteredAtProperty, registeredAt.ToString("O", CultureInfo.InvariantCulture));
        return descriptor;
    }

    /// <summary>Takes the token endpoint and every grant away, so no token is issued again, and stamps when.</summary>
    public static void Revoke(OpenIddictApplicationDescriptor descriptor, DateTimeOffset at)
    {
        descriptor.Permissions.RemoveWhere(p =>
            p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Endpoint, StringComparison.Ordinal) ||
            p.StartsWith(OpenIddictConstants.Permissions.Prefixes.GrantType, StringComparison.Ordinal));
        SetProperty(descriptor, RevokedAtProperty, at.ToString("O", CultureInfo.InvariantCulture));
    }

    public static IEnumerable<string> ScopesOf(OpenIddictApplicationDescriptor descriptor) =>
        descriptor.Permissions
            .Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..]);

    public static string? Property(this OpenIddictApplicationDescriptor descriptor, string name) =>
        descriptor.Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateTimeOffset? Timestamp(this OpenIddictApplicationDescriptor descriptor, string name) =>
        DateTimeOffset.TryParse(descriptor.Property(name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    private static void SetProperty(OpenIddictApplicationDescriptor descriptor, string name, string? value)
    {
        if (value is not null)
        {
            descriptor.Properties[name] = JsonSerializer.SerializeToElement(value);
        }
    }
}
