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
    /// The e-mail, encrypted, when it carries what only the e-mail may (the person's activation or sign-in link); the
    /// subject and text above are then the inbox's copy without it. Dropped once the e-mail is sent or given up, so no
    /// secret stays at rest, and none is ever readable in the database.
    /// </summary>
    public string? SealedEmail { get; private set; }

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

    /// <param name="message">What the inbox shows, and the e-mail too unless <paramref name="sealedEmail"/> is given.</param>
    /// <param name="sealedEmail">The e-mail, encrypted, when it carries a secret the inbox must not.</param>
    public static Notification Create(Guid eventId, string kind, Recipient recipient, Guid? agencyId, Guid? accessRequestId, RenderedMessage message,
        bool digest, DateTimeOffset now, string? sealedEmail = null) => new()
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
        SealedEmail = sealedEmail,
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
        SealedEmail = null;
    }

    /// <summary>A send that failed: tried again later, or given up (refused for good, or out of retries).</summary>
    public void SendFailed(string error, bool permanent, DeliveryPolicy policy, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 300 ? error[..300] : error;
        if (permanent || Attempts >= policy.MaxAttempts)
        {
            (Delivery, FailedAt, NextAttemptAt, SealedEmail) = (DeliveryState.Failed, now, null, null);
            return;
        }
        NextAttemptAt = now + policy.PauseAfter(Attempts);
    }

    /// <summary>Sent as part of the recipient's daily digest.</summary>
    public void SentInDigest(DateTimeOffset now)
    {
        (Delivery, SentAt, SealedEmail) = (DeliveryState.Sent, now, null);
    }

    /// <summary>The e-mail to send: the sealed one opened, or the inbox's message itself.</summary>
    public RenderedMessage Email(Func<string, RenderedMessage> unseal) =>
        SealedEmail is { } sealedEmail ? unseal(sealedEmail) : new RenderedMessage(Subject, Text, Html);
}
