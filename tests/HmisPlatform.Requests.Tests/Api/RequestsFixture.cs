using Hmis.Requests.V1;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The Requests service on its own database, with the demo agencies seeded and Credentialing stood in for.</summary>
public sealed class RequestsFixture : ServiceFixture<Program, RequestsDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.RequestsDb;

    public FakeCredentialing Credentialing { get; } = new();

    /// <summary>Lakeview's case system: submits and reads Lakeview's requests.</summary>
    public AccessRequests.AccessRequestsClient Client => new(Channel);

    /// <summary>An HMIS team member who reviews.</summary>
    public AccessRequests.AccessRequestsClient HmisTeam => new(ChannelWithToken(TestTokens.Person(Guid.NewGuid(), PlatformIdentity.HmisTeamRole, agencyId: null)));

    public Agencies.AgenciesClient Agencies => new(HmisTeamChannel);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IAccountDirectory>(Credentialing);
        services.AddSingleton<ILicenseCredits>(Credentialing);
    }

    protected override Task SeedAsync(RequestsDbContext db, CancellationToken cancellationToken) => DemoData.SeedAsync(db, cancellationToken);
}
