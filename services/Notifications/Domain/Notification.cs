namespace HmisPlatform.Notifications.Domain;

/// <summary>Where a notification's e-mail stands.</summary>
public enum DeliveryState
{
    Pending = 1,
    Sent = 2,
    InDigest = 3,
    Failed = 4,
}

/// <summary>
/// One thing told to one recipient about one event: the inbox entry and its e-mail. There is at most one per event and
/// recipient. Its e-mail is sent once; a failure is retried with growing pauses, and one refused for good or out of
/// retries lands on the failed list, never dropped.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>Whose inbox: a person's or ATA's id, or a team (<see cref="Recipient.HmisTeamKey"/>).</summary>
    public string RecipientKey { get; private set; } = "";

    public string RecipientEmail { get; private set; } = "";

    public Guid? AgencyId { get; private set; }

    public Guid? AccessRequestId { get; private set; }

    public string Subject { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string Html { get; private set; } = "";

    /// <summary>
    /// The message without what only its e-mail may carry (the person's activation link): it takes the e-mail's place
    /// once that is sent or given up, so no secret stays in the inbox.
    /// </summary>
    public RenderedMessage? InboxCopy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DeliveryState Delivery { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>What the server or connection said last; never message content.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    private Notification()
    {
    }

    public static Notification Create(Guid eventId, string kind, Recipient recipient, Guid? agencyId, Guid? accessRequestId, RenderedMessage message,
        bool digest, DateTimeOffset now, RenderedMessage? inboxCopy = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = eventId,
        Kind = kind,
        RecipientKey = recipient.Key,
        RecipientEmail = recipient.Email,
        AgencyId = agencyId,
        AccessRequestId = accessRequestId,
        Subject = message.Subject,
        Text = message.Text,
        Html = message.Html,
        InboxCopy = inboxCopy,
        CreatedAt = now,
        Delivery = digest ? DeliveryState.InDigest : DeliveryState.Pending,
        NextAttemptAt = digest ? null : now,
    };

    /// <summary>Read by its recipient; reading again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        (Delivery, SentAt, NextAttemptAt, LastError) = (DeliveryState.Sent, now, null, null);
        KeepOnlyInboxCopy();
    }

    /// <summary>A send that failed: tried again later, or given up (refused for good, or out of retries).</summary>
    public void SendFailed(string error, bool permanent, DeliveryPolicy policy, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 300 ? error[..300] : error;
        if (permanent || Attempts >= policy.MaxAttempts)
        {
            (Delivery, FailedAt, NextAttemptAt) = (DeliveryState.Failed, now, null);
            KeepOnlyInboxCopy();
            return;
        }
        NextAttemptAt = now + policy.PauseAfter(Attempts);
    }

    /// <summary>Sent as part of the recipient's daily digest.</summary>
    public void SentInDigest(DateTimeOffset now)
    {
        (Delivery, SentAt) = (DeliveryState.Sent, now);
        KeepOnlyInboxCopy();
    }

    private void KeepOnlyInboxCopy()
    {
        if (InboxCopy is { } copy)
        {
            (Subject, Text, Html, InboxCopy) = (copy.Subject, copy.Text, copy.Html, null);
        }
    }
}
