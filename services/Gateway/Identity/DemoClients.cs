using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// The demo clients of a Development run (listed in the README), so a newcomer can call the API at once: an
/// agency's case system, the HMIS team's review desk, and the LMS reporting progress. Secrets are stored only as OpenIddict's hashes.
/// </summary>
public static class DemoClients
{
    public const string LakeviewClientId = "lakeview-case-system";
    public const string LakeviewSecret = "lakeview-demo-secret";
    public const string LakeviewAgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001";

    /// <summary>Where the demo case system receives a person's authorization code (a program on their own machine).</summary>
    public static readonly Uri LakeviewRedirectUri = new("http://127.0.0.1:5095/callback");
    public const string ReviewDeskClientId = "hmis-review-desk";
    public const string ReviewDeskSecret = "hmis-review-demo-secret";
    public const string LmsClientId = "hmis-lms";
    public const string LmsSecret = "hmis-lms-demo-secret";

    public static async Task SeedAsync(IOpenIddictApplicationManager applications, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        OpenIddictApplicationDescriptor[] demo =
        [
            AgencyClients.Describe(LakeviewClientId, LakeviewSecret, "Lakeview Family Services case system", LakeviewAgencyId, role: null,
                Domain.ClientRegistration.AgencyScopes, now, [LakeviewRedirectUri]),
            AgencyClients.Describe(ReviewDeskClientId, ReviewDeskSecret, "HMIS team review desk", agencyId: null, PlatformIdentity.HmisTeamRole,
                PlatformIdentity.Scopes, now),
            AgencyClients.Describe(LmsClientId, LmsSecret, "The LMS (built-in mode): reports course progress", agencyId: null, PlatformIdentity.LmsRole,
                Domain.ClientRegistration.LmsScopes, now),
        ];
        foreach (var client in demo)
        {
            if (await applications.FindByClientIdAsync(client.ClientId!, cancellationToken) is not { } existing)
            {
                await applications.CreateAsync(client, cancellationToken);
            }
            else if (!(await applications.GetPermissionsAsync(existing, cancellationToken)).ToHashSet().SetEquals(client.Permissions))
            {
                // A demo client made before a scope was added (the import's) gets it, as a fresh run's would.
                var descriptor = new OpenIddictApplicationDescriptor();
                await applications.PopulateAsync(descriptor, existing, cancellationToken);
                descriptor.Permissions.Clear();
                descriptor.Permissions.UnionWith(client.Permissions);
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }
}
