using Npgsql;

namespace HmisPlatform.DeployTest;

/// <summary>
/// How long each approval took to reach its trainee's inbox during a fault phase, hop by hop, read from the services'
/// own rows: Requests' outbox (approved, then relayed to Redis) and Notifications' notification made from that event
/// (consumed, then e-mailed, with its tries). The deploy test prints the slowest, and every approval when a journey
/// failed, so a slow or lost e-mail says where it waited.
/// </summary>
public static class ApprovalMailTimeline
{
    private const string ApprovedEvent = "hmis.events.v1.AccessRequestApproved";
    private const string ApprovedNotification = "APPROVED_FOR_TRAINING";

    public sealed record Approval(Guid EventId, DateTime Approved, DateTime? Relayed, DateTime? Consumed, DateTime? Mailed, int Attempts, string? LastError)
    {
        /// <summary>Seconds from the approval to the e-mail's send, or to now when it has not gone.</summary>
        public double SecondsToMail => ((Mailed ?? DateTime.UtcNow) - Approved).TotalSeconds;

        public override string ToString() =>
            $"approved {Approved:HH:mm:ss.f}, relayed {After(Relayed)}, consumed {After(Consumed)}, e-mailed {After(Mailed)}" +
            (Attempts > 1 || LastError is not null ? $" after {Attempts} tries ({LastError})" : "");

        private string After(DateTime? at) => at is { } value ? $"+{(value - Approved).TotalSeconds:F1} s" : "not yet";
    }

    public static async Task<IReadOnlyList<Approval>> SinceAsync(Func<string, NpgsqlConnection> database, DateTime since)
    {
        var approvals = new List<(Guid EventId, DateTime Approved, DateTime? Relayed)>();
        await using (var requests = database(ResourceNames.RequestsDb))
        {
            await requests.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT event_id, occurred_at, sent_at FROM outbox_messages WHERE event_type = @type AND occurred_at >= @since ORDER BY id", requests);
            command.Parameters.AddWithValue("type", ApprovedEvent);
            command.Parameters.AddWithValue("since", since);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                approvals.Add((reader.GetGuid(0), reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2)));
            }
        }
        // One approval e-mails the trainee and the agency's administrators: the trainee's is the one the journey waits for,
        // and all are made and sent alike, so the latest of them stands for the event.
        var mails = new Dictionary<Guid, (DateTime Consumed, DateTime? Mailed, int Attempts, string? LastError)>();
        await using (var notifications = database(ResourceNames.NotificationsDb))
        {
            await notifications.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT event_id, min(created_at), CASE WHEN bool_and(sent_at IS NOT NULL) THEN max(sent_at) END, max(attempts), max(last_error)
                FROM notifications WHERE kind = @kind AND event_id = ANY(@events) GROUP BY event_id
                """, notifications);
            command.Parameters.AddWithValue("kind", ApprovedNotification);
            command.Parameters.AddWithValue("events", approvals.Select(a => a.EventId).ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                mails[reader.GetGuid(0)] = (reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }
        return [.. approvals.Select(a => mails.TryGetValue(a.EventId, out var mail)
            ? new Approval(a.EventId, a.Approved, a.Relayed, mail.Consumed, mail.Mailed, mail.Attempts, mail.LastError)
            : new Approval(a.EventId, a.Approved, a.Relayed, null, null, 0, null))];
    }
}
