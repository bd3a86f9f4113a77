using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The Requests service on its own database, with the demo agencies seeded.</summary>
public sealed class RequestsFixture : ServiceFixture<Program, RequestsDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.RequestsDb;

    public AccessRequests.AccessRequestsClient Client => new(Channel);

    protected override Task SeedAsync(RequestsDbContext db, CancellationToken cancellationToken) => DemoData.SeedAsync(db, cancellationToken);
}
