using HmisPlatform.Journeys;
using Npgsql;
using NpgsqlTypes;

namespace HmisPlatform.Load;

/// <summary>
/// Years of history in the Requests database, written with binary COPY (not one call each): requests of the two demo
/// agencies across the four forms, mostly closed, one in fifty still waiting for the HMIS team, each naming one person
/// with their journey summary and the entry that started it. The numbers are the domain's stored values
/// (services/Requests/Domain: AccessRequestStatus, RequestType, JourneyStage, WaitingOn).
/// </summary>
public static class HistoricalRequests
{
    private static readonly Guid Lakeview = Guid.Parse(JourneyDriver.LakeviewAgencyId);
    private static readonly Guid LakeviewAta = Guid.Parse(JourneyDriver.LakeviewAtaId);
    private static readonly Guid Southside = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002");
    private static readonly Guid SouthsideAta = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0102");

    public static readonly string[] FamilyNames =
    [
        "Garcia", "Johnson", "Nguyen", "Okafor", "Kowalski", "Haddad", "Rivera", "Patel", "Washington", "Novak",
        "Sato", "Mensah", "Ortiz", "Brennan", "Jablonski", "Adeyemi", "Lindqvist", "Moreau", "Castillo", "Whitfield",
    ];

    private static readonly string[] GivenNames = ["Dana", "Noor", "Priya", "Marcus", "Elena", "Tomasz", "Aisha", "Kenji", "Rosa", "Samuel"];

    /// <summary>A person the history names: their id and their name as the tracker searches it.</summary>
    public sealed record Person(Guid Id, string FamilyName, string Email);

    public static async Task<IReadOnlyList<Person>> SeedAsync(string ownerConnectionString, int count)
    {
        var people = new Person[count];
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var requests = new Guid[count];
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY access_requests (id, type, agency_id, ata_id, submitted_by, status, responsibilities, project_types, transfer_path, " +
            "project_types_to_train, note, warnings, submitted_at, updated_at, waited_before, required_form, assessment_waived) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                requests[i] = Guid.CreateVersion7();
                var lakeview = i % 2 == 0;
                await copy.StartRowAsync();
                await copy.WriteAsync(requests[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(1 + i % 4, NpgsqlDbType.Integer);
                await copy.WriteAsync(lakeview ? Lakeview : Southside, NpgsqlDbType.Uuid);
                await copy.WriteAsync(lakeview ? LakeviewAta : SouthsideAta, NpgsqlDbType.Uuid);
                await copy.WriteAsync("history", NpgsqlDbType.Varchar);
                await copy.WriteAsync(Status(i), NpgsqlDbType.Integer);
                await copy.WriteAsync(new[] { 1 }, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                await copy.WriteAsync(new[] { 1 + i % 3 }, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(Array.Empty<int>(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(SubmittedAt(now, i), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(SubmittedAt(now, i), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(TimeSpan.Zero, NpgsqlDbType.Interval);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY requested_users (person_id, access_request_id, agency_id, given_name, family_name, email, lms_username, is_open) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var family = FamilyNames[i / GivenNames.Length % FamilyNames.Length];
                var given = GivenNames[i % GivenNames.Length];
                var domain = i % 2 == 0 ? "lakeview.example.org" : "southside.example.org";
                people[i] = new Person(Guid.CreateVersion7(), family, $"{given}.{family}.{i}@{domain}".ToLowerInvariant());
                await copy.StartRowAsync();
                await copy.WriteAsync(people[i].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(requests[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(i % 2 == 0 ? Lakeview : Southside, NpgsqlDbType.Uuid);
                await copy.WriteAsync(given, NpgsqlDbType.Varchar);
                await copy.WriteAsync(family, NpgsqlDbType.Varchar);
                await copy.WriteAsync(people[i].Email, NpgsqlDbType.Varchar);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync(Status(i) == 1, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY journeys (person_id, access_request_id, agency_id, request_type, current_stage, stage_started_at, waiting_on) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var open = Status(i) == 1;
                await copy.StartRowAsync();
                await copy.WriteAsync(people[i].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(requests[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(i % 2 == 0 ? Lakeview : Southside, NpgsqlDbType.Uuid);
                await copy.WriteAsync(1 + i % 4, NpgsqlDbType.Integer);
                await copy.WriteAsync(open ? 1 : 5, NpgsqlDbType.Integer);
                await copy.WriteAsync(SubmittedAt(now, i), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(open ? 1 : 0, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY journey_entries (person_id, access_request_id, source_event_id, stage, kind, occurred_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(people[i].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(requests[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync("AccessRequestSubmitted", NpgsqlDbType.Varchar);
                await copy.WriteAsync(SubmittedAt(now, i), NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE access_requests; ANALYZE requested_users; ANALYZE journeys; ANALYZE journey_entries", connection))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }
        return people;
    }

    /// <summary>Mostly completed, one in seven denied, one in fifty still submitted.</summary>
    private static int Status(int i) => i % 50 == 0 ? 1 : i % 7 == 0 ? 4 : 3;

    /// <summary>One request a minute, going back from now (a million reach about two years back).</summary>
    private static DateTimeOffset SubmittedAt(DateTimeOffset now, int i) => now.AddMinutes(-(i + 60));
}
