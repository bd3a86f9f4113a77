namespace HmisPlatform.Training.Domain.LmsAccounts;

/// <summary>An audited change of an LMS account's email: from, to, why, by whom and when.</summary>
public sealed class LmsAccountChange
{
    public long Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string FromEmail { get; private set; } = "";

    public string ToEmail { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public LmsAccountChange(Guid accountId, string fromEmail, string toEmail, string reason, string changedBy, DateTimeOffset changedAt)
    {
        AccountId = accountId;
        FromEmail = fromEmail;
        ToEmail = toEmail;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    private LmsAccountChange()
    {
    }
}
