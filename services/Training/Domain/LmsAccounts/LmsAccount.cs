using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Training.Domain.LmsAccounts;

/// <summary>
/// A person's account in the LMS: one per person for their whole time in the CoC, so their training history stays in
/// one place. An email belongs to one account only; a second account of a person is a duplicate to delete, and
/// progress never moves to it. The email must be an agency email: a personal one is flagged until it is changed.
/// </summary>
public sealed class LmsAccount
{
    public const string AccountExistsReason = "LMS_ACCOUNT_EXISTS";
    public const string UsernameTakenReason = "LMS_USERNAME_TAKEN";
    public const string ReasonRequiredReason = "REASON_REQUIRED";
    public const string NotActiveReason = "LMS_ACCOUNT_NOT_ACTIVE";

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string Email { get; private set; } = "";

    public string Username { get; private set; } = "";

    /// <summary>The names the LMS shows, as the request gave them (empty when the account was registered by hand).</summary>
    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    public LmsAccountStatus Status { get; private set; }

    public Guid? DuplicateOf { get; private set; }

    public bool PersonalEmail { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    private LmsAccount()
    {
    }

    /// <summary>
    /// Registers an account. <paramref name="personsAccount"/> is the person's active account, if they have one;
    /// <paramref name="emailTaken"/> and <paramref name="usernameTaken"/> say whether any account has them already.
    /// </summary>
    public static LmsAccount Register(Guid personId, EmailAddress email, string username, LmsAccount? personsAccount, bool emailTaken, bool usernameTaken,
        IReadOnlyCollection<string> agencyDomains, DateTimeOffset now, string givenName = "", string familyName = "")
    {
        if (emailTaken)
        {
            throw new DomainException(ErrorKind.AlreadyExists, AccountExistsReason,
                "An LMS account with this email exists: update that account (or ask the Help Desk to change its email) instead of creating another.")
            {
                FieldViolations = [new FieldViolation("email", "belongs to an existing LMS account", AccountExistsReason)],
            };
        }
        if (usernameTaken)
        {
            throw new DomainException(ErrorKind.AlreadyExists, UsernameTakenReason, "That LMS username is taken.")
            {
                FieldViolations = [new FieldViolation("username", "taken", UsernameTakenReason)],
            };
        }
        return new LmsAccount
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            Email = email.Value,
            Username = username,
            GivenName = givenName.Trim(),
            FamilyName = familyName.Trim(),
            Status = personsAccount is null ? LmsAccountStatus.Active : LmsAccountStatus.Duplicate,
            DuplicateOf = personsAccount?.Id,
            PersonalEmail = IsPersonal(email, agencyDomains),
            RegisteredAt = now,
        };
    }

    /// <summary>The Help Desk changes the email; the history stays. Returns the audit record of the change.</summary>
    public LmsAccountChange ChangeEmail(EmailAddress email, bool emailTaken, IReadOnlyCollection<string> agencyDomains, string reason, string by, DateTimeOffset now)
    {
        var why = reason.Trim();
        if (why.Length is 0 or > 200)
        {
            throw DomainException.Invalid(ReasonRequiredReason, "Give the ticket or reason.", new FieldViolation("reason", "1 to 200 characters", ReasonRequiredReason));
        }
        if (Status != LmsAccountStatus.Active)
        {
            throw DomainException.Precondition(NotActiveReason, "A duplicate account is deleted, not updated: update the person's account.",
                new PreconditionViolation("LMS_ACCOUNT", $"lms-accounts/{Id}", $"duplicate of lms-accounts/{DuplicateOf}"));
        }
        if (emailTaken && email.Value != Email)
        {
            throw new DomainException(ErrorKind.AlreadyExists, AccountExistsReason, "Another LMS account has this email.")
            {
                FieldViolations = [new FieldViolation("email", "belongs to another LMS account", AccountExistsReason)],
            };
        }
        var change = new LmsAccountChange(Id, Email, email.Value, why, by, now);
        Email = email.Value;
        PersonalEmail = IsPersonal(email, agencyDomains);
        return change;
    }

    /// <summary>
    /// The person's existing account, found by the LMS username their ATA gave or by an email the platform knows, is
    /// theirs for their new path: it is kept (their history stays in one place) and moves to their agency email, instead of
    /// a second account being made. The change of email is audited; returns it, or null when the email is already that one.
    /// </summary>
    public LmsAccountChange? Reuse(Guid personId, EmailAddress agencyEmail, bool emailTakenByAnother, IReadOnlyCollection<string> agencyDomains, DateTimeOffset now)
    {
        PersonId = personId;
        if (Email == agencyEmail.Value || emailTakenByAnother)
        {
            PersonalEmail = IsPersonal(EmailAddress.Parse(Email, "email"), agencyDomains);
            return null;
        }
        var change = new LmsAccountChange(Id, Email, agencyEmail.Value, "reused for a new learning path: the person's agency email", ReusedBy, now);
        Email = agencyEmail.Value;
        PersonalEmail = IsPersonal(agencyEmail, agencyDomains);
        return change;
    }

    /// <summary>Who the audit names for an account the platform reused.</summary>
    public const string ReusedBy = "training-api";

    private static bool IsPersonal(EmailAddress email, IReadOnlyCollection<string> agencyDomains) =>
        agencyDomains.Count > 0 && !agencyDomains.Contains(email.Domain, StringComparer.Ordinal);
}
