using Hmis.Credentialing.V1;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>The Credentialing service on its own database; the default test agency has bought credits.</summary>
public sealed class CredentialingFixture : ServiceFixture<Program, CredentialingDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.CredentialingDb;

    public Credentials.CredentialsClient Client => new(Channel);

    /// <summary>Everything the service logs while the fixture runs.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    /// <summary>The credits API as the HMIS team calls it.</summary>
    public LicenseCredits.LicenseCreditsClient HmisTeamCredits => new(HmisTeamChannel);

    protected override async Task SeedAsync(CredentialingDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var credits = await db.LockCreditsAsync(Guid.Parse(TestTokens.DefaultAgencyId), cancellationToken);
        db.CreditLedger.Add(credits.Purchase(10_000, "Test purchase", "test", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
