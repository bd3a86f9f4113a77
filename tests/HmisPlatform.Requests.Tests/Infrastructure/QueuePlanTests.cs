using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HmisPlatform.Requests.Tests.Infrastructure;

/// <summary>
/// The review queue stays an index scan with a million historical requests: the listing's own query (the one the
/// API runs) is explained on a database that holds them, for each filter.
/// </summary>
public sealed class QueuePlanTests(RequestsFixture service, ITestOutputHelper output) : IClassFixture<RequestsFixture>
{
    private const int HistoricalRequests = 1_000_000;

    [Fact]
    public async Task Queue_WithAMillionRequests_IsReadThroughItsIndexesNotASequentialScan()
    {
        await service.QueryAsync(async db =>
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
            await db.Database.ExecuteSqlRawAsync("ANALYZE access_requests");
            return 0;
        });

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
            var plan = await ExplainAsync(filter, page);
            output.WriteLine($"-- {name}{Environment.NewLine}{plan}");
            Assert.Contains($"Index Scan using {index}", plan);
            Assert.DoesNotContain("Seq Scan on access_requests", plan);
        }
    }

    private Task<string> ExplainAsync(QueueFilter filter, (DateTimeOffset, Guid)? after) => service.QueryAsync(async db =>
    {
        await using var command = db.AccessRequests.AsNoTracking().Page(filter, after, 51).CreateDbCommand();
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
