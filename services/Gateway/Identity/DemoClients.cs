using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// The demo agency system of a Development run (listed in the README), so a newcomer can call the API at once.
/// Its secret is stored only as OpenIddict's hash.
/// </summary>
public static class DemoClients
{
    public const string LakeviewClientId = "lakeview-case-system";
    public const string LakeviewSecret = "lakeview-demo-secret";
    public const string LakeviewAgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001";

    public static async Task SeedAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(LakeviewClientId, cancellationToken) is null)
        {
            await applications.CreateAsync(
                AgencyClients.Describe(LakeviewClientId, LakeviewSecret, "Lakeview Family Services case system", LakeviewAgencyId, PlatformIdentity.Scopes),
                cancellationToken);
        }
    }
}
