namespace HmisPlatform.Notifications.Domain;

/// <summary>A person on their way to access, as the request that approved them named them: the latest approval wins.</summary>
public sealed class PersonContact
{
    public Guid PersonId { get; private set; }

    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string LmsUsername { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    private PersonContact()
    {
    }

    public PersonContact(Guid personId) => PersonId = personId;

    public void Update(string fullName, string email, string lmsUsername, DateTimeOffset at)
    {
        if (at < UpdatedAt)
        {
            return;
        }
        (FullName, Email, LmsUsername, UpdatedAt) = (fullName, email, lmsUsername, at);
    }

    public Recipient AsRecipient() => new(PersonId.ToString(), Email, FullName, Audience.User);
}

/// <summary>An access request's ATA, as the submission named them: who hears about the request and its people.</summary>
public sealed class RequestContact
{
    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AtaId { get; private set; }

    public string AtaName { get; private set; } = "";

    public string AtaEmail { get; private set; } = "";

    private RequestContact()
    {
    }

    public RequestContact(Guid accessRequestId, Guid agencyId, Guid ataId, string ataName, string ataEmail) =>
        (AccessRequestId, AgencyId, AtaId, AtaName, AtaEmail) = (accessRequestId, agencyId, ataId, ataName, ataEmail);

    public Recipient AsRecipient() => Recipient.OfAta(AtaId, AtaEmail, AtaName);
}

/// <summary>
/// An ATA or Supervisor of the agency who validated a request's people as new hires: from then on they hear about the
/// request and its people as its ATA does.
/// </summary>
public sealed class RequestValidator
{
    public Guid AccessRequestId { get; private set; }

    public Guid AdministratorId { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    private RequestValidator()
    {
    }

    public RequestValidator(Guid accessRequestId, Guid administratorId, string name, string email) =>
        (AccessRequestId, AdministratorId, Name, Email) = (accessRequestId, administratorId, name, email);

    public Recipient AsRecipient() => Recipient.OfAta(AdministratorId, Email, Name);
}

/// <summary>An ATA's choice: one e-mail per event, or a daily digest.</summary>
public sealed class DeliveryChoice
{
    public string RecipientKey { get; private set; } = "";

    public bool DailyDigest { get; private set; }

    public DateTimeOffset? LastDigestAt { get; private set; }

    private DeliveryChoice()
    {
    }

    public DeliveryChoice(string recipientKey, bool dailyDigest) => (RecipientKey, DailyDigest) = (recipientKey, dailyDigest);

    public void Choose(bool dailyDigest) => DailyDigest = dailyDigest;

    public void DigestSent(DateTimeOffset at) => LastDigestAt = at;
}
