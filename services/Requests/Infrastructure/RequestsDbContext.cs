using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>The Requests service's database, <c>requestsdb</c>.</summary>
public sealed class RequestsDbContext(DbContextOptions<RequestsDbContext> options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AgencyAdministrator> AgencyAdministrators => Set<AgencyAdministrator>();

    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();

    public DbSet<JourneyEntry> JourneyEntries => Set<JourneyEntry>();

    public DbSet<JourneySummary> Journeys => Set<JourneySummary>();

    public DbSet<AccessRequestChange> AccessRequestAudit => Set<AccessRequestChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        // Trigram indexes let the person tracker match part of a name anywhere without reading every user (PeopleSearch).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RequestsDbContext).Assembly);
    }
}
