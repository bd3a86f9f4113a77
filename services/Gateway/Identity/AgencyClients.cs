using System.Text.Json;
using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// Systems as OAuth 2.0 clients: an agency's system belongs to one agency; the HMIS team's own systems carry the
/// HMIS team role instead. Each may ask for some of the platform's scopes.
/// </summary>
public static class AgencyClients
{
    /// <summary>The property of a client registration that names its agency.</summary>
    public const string AgencyProperty = "agency_id";

    /// <summary>The property of a client registration that names its role, when it has one.</summary>
    public const string RoleProperty = "role";

    public static OpenIddictApplicationDescriptor Describe(
        string clientId, string secret, string displayName, string? agencyId, string? role, IEnumerable<string> scopes)
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
        if (agencyId is not null)
        {
            descriptor.Properties[AgencyProperty] = JsonSerializer.SerializeToElement(agencyId);
        }
        if (role is not null)
        {
            descriptor.Properties[RoleProperty] = JsonSerializer.SerializeToElement(role);
        }
        return descriptor;
    }
}
