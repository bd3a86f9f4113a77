using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Domain.Applicants;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>One person's HMIS user account at one agency: pending until the End User Agreement is signed, then active.</summary>
public sealed class HmisAccount
{
    public const string NotPendingReason = "ACCOUNT_NOT_PENDING_AGREEMENT";
    public const string SignatureMismatchReason = "SIGNATURE_NAME_MISMATCH";
    public const string NotSignedReason = "AGREEMENT_NOT_SIGNED";
    public const string NotPendingConfirmationReason = "ACCOUNT_NOT_PENDING_CONFIRMATION";
    public const string OnlyTheUserSignsReason = "ONLY_THE_USER_SIGNS";
    public const string OnlyAnAdministratorConfirmsReason = "ONLY_ATA_OR_SUPERVISOR_CONFIRMS";

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public string Username { get; private set; } = "";

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

    /// <summary>The id of the ATA or Supervisor who confirmed receipt of the signed agreement.</summary>
    public string? AgreementConfirmedBy { get; private set; }

    private HmisAccount()
    {
    }

    /// <summary>Creates the account of a person who reached step 4; it waits for the End User Agreement.</summary>
    public static HmisAccount Issue(Applicant applicant, string username, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PersonId = applicant.PersonId,
        AgencyId = applicant.AgencyId,
        AccessRequestId = applicant.AccessRequestId,
        Username = username,
        Status = AccountStatus.PendingAgreement,
        ProjectTypes = [.. applicant.ProjectTypes],
        CreatedAt = now,
    };

    /// <summary>
    /// The user signs by typing their full name as the request named them; the account then waits for their ATA or
    /// Supervisor to confirm receipt. Only the user signs: themselves, or their agency's system recording a
    /// signature made there. An ATA, a Supervisor or the HMIS team cannot sign for them.
    /// </summary>
    public void SignAgreement(EndUserAgreement agreement, string typedFullName, string expectedFullName, Caller signer, DateTimeOffset now)
    {
        if (!signer.IsPerson(PersonId) && !(signer.IsAgencySystem && signer.AgencyId == AgencyId))
        {
            throw DomainException.PermissionDenied(OnlyTheUserSignsReason, "Only the user signs their End User Agreement.");
        }
        if (Status != AccountStatus.PendingAgreement)
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
        Status = AccountStatus.PendingConfirmation;
    }

    /// <summary>
    /// The user's ATA or Supervisor confirms they received the signed agreement: the account becomes active and its
    /// credentials are issued. Before the user signed, it is refused; nobody else may confirm.
    /// </summary>
    public void ConfirmAgreement(Caller confirmer, DateTimeOffset now)
    {
        if (!confirmer.IsAdministratorOf(AgencyId))
        {
            throw DomainException.PermissionDenied(OnlyAnAdministratorConfirmsReason, "Only an ATA or Supervisor of the agency confirms an agreement.");
        }
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
    }

    private static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
