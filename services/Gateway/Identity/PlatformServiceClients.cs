using OpenIddict.Abstractions;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// The platform's own services as OAuth clients, so one service calls another as itself (Requests asks Credentialing
/// about people's accounts and reserves credits). Each secret comes from configuration (<c>ServiceClients:&lt;client
/// id&gt;</c>; the AppHost generates them); each client gets only the scopes it needs, and the platform-service role.
/// The registrations are brought in line with configuration at start, before the gateway takes traffic.
/// </summary>
public sealed class PlatformServiceClients(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time) : IHostedService
{
    public const string Section = "ServiceClients";

    /// <summary>What each platform service may do at the others.</summary>
    public static IReadOnlyDictionary<string, string[]> ScopesOf { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ResourceNames.RequestsApi] = [PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite],
        // E-mails each user their sign-in when approved, and their single-use activation link when live.
        [ResourceNames.NotificationsApi] = [PlatformIdentity.CredentialsActivate, PlatformIdentity.StaffInviteTrainee],
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in configuration.GetSection(Section).GetChildren().Where(c => !string.IsNullOrEmpty(c.Value)))
        {
            if (!ScopesOf.TryGetValue(client.Key, out var scopesOfClient))
            {
                throw new InvalidOperationException($"'{client.Key}' is not a platform service that calls others.");
            }
            var descriptor = AgencyClients.Describe(client.Key, client.Value!, $"Platform service {client.Key}", agencyId: null,
                PlatformIdentity.PlatformServiceRole, scopesOfClient, time.GetUtcNow());
            var existing = await applications.FindByClientIdAsync(client.Key, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
