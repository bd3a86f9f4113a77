using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Domain.Applicants;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>One person's HMIS user account at one agency: pending until the End User Agreement is signed, then active.</summary>
public sealed partial class HmisAccount
{
    public const string NotPendingReason = "ACCOUNT_NOT_PENDING_AGREEMENT";
    public const string SignatureMismatchReason = "SIGNATURE_NAME_MISMATCH";
    public const string NotSignedReason = "AGREEMENT_NOT_SIGNED";
    public const string NotPendingConfirmationReason = "ACCOUNT_NOT_PENDING_CONFIRMATION";
    public const string AccountRemovedReason = "ACCOUNT_REMOVED";
    public const string RemovalReasonRequiredReason = "REMOVAL_REASON_REQUIRED";
    public const string NotPermittedToRemoveReason = "NOT_PERMITTED_TO_REMOVE";
    public const string ActivityTimeRequiredReason = "ACTIVITY_TIME_REQUIRED";
    public const int MaxRemovalNoteLength = 500;
    public const string AccountNotActiveReason = "ACCOUNT_NOT_ACTIVE";
    public const string AgreementCurrentReason = "AGREEMENT_ALREADY_CURRENT";
    public const string OnlyTheUserActivatesReason = "ONLY_THE_USER_ACTIVATES";
    public const string AlreadyProvisionedReason = "ALREADY_PROVISIONED";
    public const string ActivationTokenInvalidReason = "ACTIVATION_TOKEN_INVALID";
    public const string ActivationTokenExpiredReason = "ACTIVATION_TOKEN_EXPIRED";

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public string Username { get; private set; } = "";

    /// <summary>The person's work email, normalised (<see cref="EmailAddress"/>), for look-ups by email.</summary>
    public string Email { get; private set; } = "";

    public AccountStatus Status { get; private set; }

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public string? AgreementVersion { get; private set; }

    public string? AgreementTextHash { get; private set; }

    public string? AgreementSignedName { get; private set; }

    public DateTimeOffset? AgreementSignedAt { get; private set; }

    public DateTimeOffset? LastActivityAt { get; private set; }

    public DateTimeOffset? AgreementConfirmedAt { get; private set; }

    public DateTimeOffset? InactivityWarnedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public RemovalReason RemovalReason { get; private set; }

    public string? RemovalNote { get; private set; }

    /// <summary>SHA-256 of the live activation token; the token itself is never stored.</summary>
    public string? ActivationTokenHash { get; private set; }

    public DateTimeOffset? ActivationTokenExpiresAt { get; private set; }

    /// <summary>SHA-256 of the token that was redeemed, so a retried redemption is recognised.</summary>
    public string? RedeemedTokenHash { get; private set; }

    public DateTimeOffset? ProvisionedAt { get; private set; }

    /// <summary>The id of the ATA or Supervisor who confirmed receipt of the signed agreement.</summary>
    public string? AgreementConfirmedBy { get; private set; }

    private readonly List<AccountChange> _changes = [];

    /// <summary>The changes made since the account was loaded, which the audit keeps (earlier ones are not loaded).</summary>
    public IReadOnlyList<AccountChange> Changes => _changes;

    private HmisAccount()
    {
    }

    /// <summary>How the person reached step 4: the assignment, a full transfer, or the Help Desk.</summary>
    public AccountRoute Route { get; private set; }

    /// <summary>Creates the account of a person who reached step 4; it waits for the End User Agreement.</summary>
    public static HmisAccount Issue(Applicant applicant, string username, AccountRoute route, Actor actor, DateTimeOffset now)
    {
        var account = Create(applicant, username, route, now);
        account.Record(AccountChangeKind.Issued, actor, now, route.ToString());
        return account;
    }

    private static HmisAccount Create(Applicant applicant, string username, AccountRoute route, DateTimeOffset now) => new()
    {
        Route = route == AccountRoute.Unspecified ? throw new ArgumentOutOfRangeException(nameof(route), "Every account has its route into step 4.") : route,
        Id = Guid.CreateVersion7(now),
        PersonId = applicant.PersonId,
        AgencyId = applicant.AgencyId,
        AccessRequestId = applicant.AccessRequestId,
        Username = username,
        Email = EmailAddress.Parse(applicant.Email, "email").Value,
        Status = AccountStatus.PendingAgreement,
        ProjectTypes = [.. applicant.ProjectTypes],
        CreatedAt = now,
    };

    /// <summary>
    /// The user signs by typing their full name as the request named them; the account then waits for their ATA or
    /// Supervisor to confirm receipt. Only the user signs: themselves, or their agency's system recording a
    /// signature made there. An ATA, a Supervisor or the HMIS team cannot sign for them. An active user signs
    /// again when a newer version is in force.
    /// </summary>
    public void SignAgreement(EndUserAgreement agreement, string typedFullName, string expectedFullName, Caller signer, DateTimeOffset now)
    {
        signer.EnsureIsUserSigning(PersonId);
        // An active user signs again when a new version is in force; the account stays active meanwhile.
        var resigning = Status == AccountStatus.Active;
        if (resigning && AgreementVersion == agreement.Version)
        {
            throw DomainException.Precondition(AgreementCurrentReason, "This account has signed the agreement in force.",
                new PreconditionViolation("AGREEMENT", $"accounts/{Id}", $"signed version {agreement.Version}"));
        }
        if (!resigning && Status != AccountStatus.PendingAgreement)
        {
            throw DomainException.Precondition(NotPendingReason, "This account is not waiting for the user's signature.",
                new PreconditionViolation("ACCOUNT", $"accounts/{Id}", $"status is {Status}"));
        }
        if (!string.Equals(Normalize(typedFullName), Normalize(expectedFullName), StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid(SignatureMismatchReason, "Type your full name as it appears on your access request to sign.",
                new FieldViolation("typed_full_name", "does not match the name on the access request", SignatureMismatchReason));
        }
        AgreementVersion = agreement.Version;
        AgreementTextHash = agreement.TextHash;
        AgreementSignedName = typedFullName.Trim();
        AgreementSignedAt = now;
        if (!resigning)
        {
            Status = AccountStatus.PendingConfirmation;
        }
        Record(AccountChangeKind.AgreementSigned, signer.AsActor(), now, agreement.Version);
    }

    /// <summary>
    /// The user's ATA or Supervisor confirms they received the signed agreement: the account becomes active and its
    /// credentials are issued. Before the user signed, it is refused; nobody else may confirm.
    /// </summary>
    public void ConfirmAgreement(Caller confirmer, DateTimeOffset now)
    {
        confirmer.EnsureConfirmsAgreement(AgencyId, PersonId);
        if (Status == AccountStatus.PendingAgreement)
        {
            throw DomainException.Precondition(NotSignedReason, "The user has not signed the End User Agreement yet.",
                new PreconditionViolation("AGREEMENT", $"accounts/{Id}", "not signed by the user"));
        }
        if (Status != AccountStatus.PendingConfirmation)
        {
            throw DomainException.Precondition(NotPendingConfirmationReason, "This account is not waiting for a confirmation.",
                new PreconditionViolation("ACCOUNT", $"accounts/{Id}", $"status is {Status}"));
        }
        AgreementConfirmedAt = now;
        AgreementConfirmedBy = confirmer.Subject;
        Status = AccountStatus.Active;
        ActivatedAt = now;
        Record(AccountChangeKind.AgreementConfirmed, confirmer.AsActor(), now, AgreementVersion ?? "");
    }

    /// <summary>New project access for a person who already has a live account at the agency: the account gains the types.</summary>
    public void GrantProjectTypes(IEnumerable<ProjectType> projectTypes, Actor actor, DateTimeOffset now)
    {
        var added = projectTypes.Except(ProjectTypes).Order().ToList();
        ProjectTypes = [.. ProjectTypes.Union(added).Order()];
        if (added.Count > 0)
        {
            Record(AccountChangeKind.ProjectsAdded, actor, now, string.Join(' ', added));
        }
    }

    /// <summary>
    /// The HMIS reports a login. Last activity only moves forward; a login after the inactivity warning ends it, so
    /// the next long absence is warned about again.
    /// </summary>
    public void RecordActivity(DateTimeOffset? loginAt)
    {
        if (loginAt is not { } at)
        {
            throw DomainException.Invalid(ActivityTimeRequiredReason, "Name the login time.",
                new FieldViolation("last_login_at", "required", ActivityTimeRequiredReason));
        }
        EnsureNotRemoved();
        if (LastActivityAt is null || at > LastActivityAt)
        {
            LastActivityAt = at;
            if (InactivityWarnedAt is not null && at > InactivityWarnedAt)
            {
                InactivityWarnedAt = null;
            }
        }
    }

    /// <summary>The five-month warning, given once per absence.</summary>
    public void WarnInactive(Actor sweep, DateTimeOffset now)
    {
        InactivityWarnedAt = now;
        Record(AccountChangeKind.InactivityWarned, sweep, now);
    }

    /// <summary>Six months without a login: access is removed; the person starts over with a new request.</summary>
    public void RemoveInactive(Actor sweep, DateTimeOffset now) => Remove(RemovalReason.Inactive, null, sweep, now);

    /// <summary>
    /// Removes access at once: by an ATA or Supervisor of the agency or the HMIS team when the user left or no longer
    /// needs access; only by the HMIS team when an ATA missed their own training.
    /// </summary>
    public void Deactivate(Caller caller, RemovalReason reason, string note, DateTimeOffset now)
    {
        if (reason == RemovalReason.Unspecified || !Enum.IsDefined(reason))
        {
            throw DomainException.Invalid(RemovalReasonRequiredReason, "Say why the access is removed.",
                new FieldViolation("reason", "required", RemovalReasonRequiredReason));
        }
        var permitted = reason switch
        {
            RemovalReason.AtaTrainingMissed => caller.IsHmisTeam,
            RemovalReason.Inactive or RemovalReason.BeforeGoLive => false,
            _ => caller.IsHmisTeam || caller.IsAdministratorOf(AgencyId),
        };
        if (!permitted)
        {
            throw DomainException.PermissionDenied(NotPermittedToRemoveReason, "You may not remove this access for that reason.");
        }
        var trimmed = note.Trim();
        if (trimmed.Length > MaxRemovalNoteLength)
        {
            throw DomainException.Invalid(RemovalReasonRequiredReason, $"At most {MaxRemovalNoteLength} characters.",
                new FieldViolation("note", $"at most {MaxRemovalNoteLength} characters", RemovalReasonRequiredReason));
        }
        EnsureNotRemoved();
        Remove(reason, trimmed.Length == 0 ? null : trimmed, caller.AsActor(), now);
    }

    private void Remove(RemovalReason reason, string? note, Actor actor, DateTimeOffset now)
    {
        Status = AccountStatus.Removed;
        RemovalReason = reason;
        RemovalNote = note;
        RemovedAt = now;
        Record(AccountChangeKind.Removed, actor, now, reason.ToString());
    }

    private void Record(AccountChangeKind kind, Actor actor, DateTimeOffset now, string detail = "") =>
        _changes.Add(new AccountChange(Id, kind, actor, now, detail));

    private void EnsureNotRemoved()
    {
        if (Status == AccountStatus.Removed)
        {
            throw DomainException.Precondition(AccountRemovedReason, "This account's access was removed.",
                new PreconditionViolation("ACCOUNT", $"accounts/{Id}", "removed"));
        }
    }

    private static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
