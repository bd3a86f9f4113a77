using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HmisPlatform.Requests.Tests.Infrastructure;

/// <summary>
/// The lists stay index scans with a million historical requests, each naming a person: the review queue's and the
/// person tracker's own queries (the ones the API runs) are explained on a database that holds them.
/// </summary>
public sealed class ListPlanTests(ListPlanTests.MillionRequests history, ITestOutputHelper output) : IClassFixture<ListPlanTests.MillionRequests>
{
    private const int HistoricalRequests = 1_000_000;

    [Fact]
    public async Task Queue_WithAMillionRequests_IsReadThroughItsIndexesNotASequentialScan()
    {
        var after = (DateTimeOffset.UtcNow.AddDays(-100), Guid.Empty);
        var queues = new (string Name, QueueFilter Filter, (DateTimeOffset, Guid)? After, string Index)[]
        {
            ("HMIS team queue", new([AccessRequestStatus.Submitted], null, null, false), null, "ix_access_requests_status_submitted_at_id"),
            ("HMIS team queue, page after a token", new([AccessRequestStatus.Submitted], null, null, false), after, "ix_access_requests_status_submitted_at_id"),
            ("by form", new([AccessRequestStatus.Submitted], RequestType.ReturningUser, null, false), null, "ix_access_requests_status_type_submitted_at_id"),
            ("an agency's queue", new([AccessRequestStatus.Submitted], null, DemoData.LakeviewAgencyId, false), null, "ix_access_requests_agency_id_status_submitted_at_id"),
        };
        foreach (var (name, filter, page, index) in queues)
        {
            foreach (var newestFirst in new[] { false, true })
            {
                var plan = await history.ExplainAsync(db => db.AccessRequests.AsNoTracking().Page(filter, page, 51, newestFirst));
                output.WriteLine($"-- {name}{(newestFirst ? ", newest first" : "")}{Environment.NewLine}{plan}");
                Assert.Contains(newestFirst ? $"Index Scan Backward using {index}" : $"Index Scan using {index}", plan);
                Assert.DoesNotContain("Seq Scan on access_requests", plan);
            }
        }
    }

    [Fact]
    public async Task QueueCounts_WithAMillionRequests_AreReadFromAStatusIndex()
    {
        var open = new QueueFilter([AccessRequestStatus.Submitted, AccessRequestStatus.InformationRequested, AccessRequestStatus.AwaitingCeDecision], null, null, false);

        var plan = await history.ExplainAsync(db => db.AccessRequests.AsNoTracking().Counts(open));

        output.WriteLine(plan);
        Assert.Matches(@"(Index (Only )?Scan using|Bitmap Index Scan on) ix_access_requests_status_", plan);
        Assert.DoesNotContain("Seq Scan on access_requests", plan);
    }

    [Theory]
    [InlineData("Whitfield", false)]
    [InlineData("dana.whitfield@", false)]
    [InlineData("Dana Whit", true)]
    public async Task PeopleSearch_WithAMillionPeople_FindsNamesThroughTheTrigramIndex(string query, bool ofOneAgency)
    {
        var plan = await history.ExplainAsync(db => db.AccessRequests.AsNoTracking()
            .Search(PersonSearch.Parse(query), ofOneAgency ? DemoData.LakeviewAgencyId : null, ceBusinessOnly: false, after: null, size: 51));
        output.WriteLine(plan);
        Assert.Contains("Bitmap Index Scan on ix_requested_users_search_trgm", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }

    /// <summary>The service with a million requests in its database, mostly closed, each naming one person; seeded once for the class.</summary>
    public sealed class MillionRequests : IAsyncLifetime
    {
        private readonly RequestsFixture _service = new();

        public async Task InitializeAsync()
        {
            await _service.InitializeAsync();
            await _service.QueryAsync(async db =>
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
                // Mostly closed history, one in fifty still waiting, across both demo agencies and the four forms.
                await db.Database.ExecuteSqlAsync($$"""
                    INSERT INTO access_requests (id, type, agency_id, ata_id, status, responsibilities, project_types, project_types_to_train, note,
                        submitted_at, updated_at, submitted_by, transfer_path, required_form, waited_before, warnings, assessment_waived)
                    SELECT gen_random_uuid(), 1 + i % 4, CASE WHEN i % 2 = 0 THEN {{DemoData.LakeviewAgencyId}} ELSE {{DemoData.SouthsideAgencyId}} END,
                        {{DemoData.LakeviewAtaId}}, CASE WHEN i % 50 = 0 THEN 1 WHEN i % 7 = 0 THEN 4 ELSE 3 END, '{1}', '{2}', '{}', '',
                        now() - make_interval(mins => i), now(), 'seed', 1, 0, interval '0', '{}', false
                    FROM generate_series(1, {{HistoricalRequests}}) AS i
                    """);
                // The people's search index is built once over them, as the migration defines it, rather than kept up row by
                // row while they are written: the same index, a minute less of seeding.
                var searchIndex = await db.Database.SqlQueryRaw<string>(
                    "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'ix_requested_users_search_trgm'").SingleAsync();
                await db.Database.ExecuteSqlRawAsync("DROP INDEX ix_requested_users_search_trgm");
                // Each names one person with a name of random letters, so no name from a search below is among them.
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO requested_users (person_id, access_request_id, agency_id, given_name, family_name, email, lms_username, is_open)
                    SELECT gen_random_uuid(), r.id, r.agency_id, initcap(substr(md5(r.id::text), 1, 7)), initcap(substr(md5(r.id::text), 8, 9)),
                        substr(md5(r.id::text), 1, 16) || '@lakeview.example.org', '', r.status = 1
                    FROM access_requests r WHERE r.submitted_by = 'seed'
                    """);
                await db.Database.ExecuteSqlRawAsync(searchIndex);
                await db.Database.ExecuteSqlRawAsync("ANALYZE access_requests; ANALYZE requested_users");
                return 0;
            });
        }

        public Task DisposeAsync() => _service.DisposeAsync();

        /// <summary>The plan Postgres makes for a query as EF Core sends it.</summary>
        public Task<string> ExplainAsync<T>(Func<RequestsDbContext, IQueryable<T>> query) => _service.QueryAsync(async db =>
        {
            await using var command = query(db).CreateDbCommand();
            command.CommandText = "EXPLAIN " + command.CommandText;
            await db.Database.OpenConnectionAsync();
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
            return string.Join(Environment.NewLine, lines);
        });
    }
}
