using System.Text.Json;
using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Identity;

/// <summary>Agency systems as OAuth 2.0 clients: each belongs to one agency and may ask for some of the platform's scopes.</summary>
public static class AgencyClients
{
    /// <summary>The property of a client registration that names its agency.</summary>
    public const string AgencyProperty = "agency_id";

    public static OpenIddictApplicationDescriptor Describe(string clientId, string secret, string displayName, string agencyId, IEnumerable<string> scopes)
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
        descriptor.Properties[AgencyProperty] = JsonSerializer.SerializeToElement(agencyId);
        return descriptor;
    }
}
