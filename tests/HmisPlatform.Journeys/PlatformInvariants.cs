using Npgsql;

namespace HmisPlatform.Journeys;

/// <summary>
/// What must hold in the services' databases once journeys are over, however many faults they went through: each
/// person who finished holds exactly one account, which consumed exactly one credit; the agency's balance agrees with
/// its ledger and reservations; every outbox is drained; and nothing was dead-lettered. The end-to-end fault tests
/// and the deploy test (tests/HmisPlatform.DeployTest) both check them, each with its own way to the databases.
/// </summary>
public static class PlatformInvariants
{
    /// <summary>The databases with an outbox and an inbox: every service's (the gateway publishes no events).</summary>
    public static readonly IReadOnlyList<string> EventDatabases =
        [ResourceNames.RequestsDb, ResourceNames.TrainingDb, ResourceNames.AssessmentDb, ResourceNames.CredentialingDb, ResourceNames.NotificationsDb];

    // As Credentialing stores them (services/Credentialing/Domain/Credits: CreditEntryKind.Consumption, ReservationStatus.Held).
    private const int ConsumptionEntry = 3;
    private const int HeldReservation = 1;

    /// <summary>The people without exactly one account and one consumed credit, and any way the agency's credits do not add up.</summary>
    public static async Task<IReadOnlyList<string>> AccountsAndCreditsAsync(NpgsqlConnection credentialing, IReadOnlyCollection<Guid> people, Guid agencyId)
    {
        var problems = new List<string>();
        await using (var perPerson = new NpgsqlCommand(
            """
            SELECT a.person_id, count(DISTINCT a.id), count(l.sequence)
            FROM accounts a LEFT JOIN credit_ledger l ON l.account_id = a.id AND l.kind = @consumption
            WHERE a.person_id = ANY(@people) GROUP BY a.person_id
            """, credentialing))
        {
            perPerson.Parameters.AddWithValue("consumption", ConsumptionEntry);
            perPerson.Parameters.AddWithValue("people", people.ToArray());
            var held = new Dictionary<Guid, (long Accounts, long Consumed)>();
            await using (var reader = await perPerson.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    held[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetInt64(2));
                }
            }
            problems.AddRange(people.Where(p => held.GetValueOrDefault(p) != (1L, 1L))
                .Select(p => $"person {p} holds {held.GetValueOrDefault(p).Accounts} accounts that consumed {held.GetValueOrDefault(p).Consumed} credits, not 1 and 1"));
        }

        await using var balance = new NpgsqlCommand(
            """
            SELECT c.consumed - (SELECT count(*) FROM credit_ledger l WHERE l.agency_id = c.agency_id AND l.kind = @consumption),
                   c.reserved - (SELECT count(*) FROM credit_reservations r WHERE r.agency_id = c.agency_id AND r.status = @held),
                   c.purchased - c.available - c.reserved - c.consumed,
                   c.available - (SELECT l.available_after FROM credit_ledger l WHERE l.agency_id = c.agency_id ORDER BY l.sequence DESC LIMIT 1)
            FROM agency_credits c WHERE c.agency_id = @agency
            """, credentialing);
        balance.Parameters.AddWithValue("consumption", ConsumptionEntry);
        balance.Parameters.AddWithValue("held", HeldReservation);
        balance.Parameters.AddWithValue("agency", agencyId);
        await using var row = await balance.ExecuteReaderAsync();
        if (!await row.ReadAsync())
        {
            problems.Add($"agency {agencyId} has no credits");
            return problems;
        }
        // Consumed and held agree with the ledger and the reservations, the totals add up, and the ledger's last
        // running balance is what the agency has.
        var (consumed, reserved, total, available) = (row.GetInt64(0), row.GetInt64(1), row.GetInt32(2), row.GetInt32(3));
        if ((consumed, reserved, total, available) != (0L, 0L, 0, 0))
        {
            problems.Add($"agency {agencyId}'s credits are off: consumed by {consumed}, held by {reserved}, totals by {total}, balance by {available}");
        }
        return problems;
    }

    /// <summary>Outbox rows written more than <paramref name="olderThan"/> ago and still unsent.</summary>
    public static Task<long> UndeliveredAsync(NpgsqlConnection database, TimeSpan olderThan) =>
        CountAsync(database, $"SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND occurred_at < now() - make_interval(secs => {olderThan.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})");

    /// <summary>Events a consumer gave up on.</summary>
    public static Task<long> DeadLettersAsync(NpgsqlConnection database) => CountAsync(database, "SELECT count(*) FROM dead_letters");

    private static async Task<long> CountAsync(NpgsqlConnection database, string sql)
    {
        await using var command = new NpgsqlCommand(sql, database);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
