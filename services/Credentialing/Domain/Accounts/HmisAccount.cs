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

    /// <summary>The user signs by typing their full name as the request named them; the account becomes active.</summary>
    public void SignAgreement(EndUserAgreement agreement, string typedFullName, string expectedFullName, DateTimeOffset now)
    {
        if (Status != AccountStatus.PendingAgreement)
        {
            throw DomainException.Precondition(NotPendingReason, "This account is not waiting for an End User Agreement.",
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
        Status = AccountStatus.Active;
        ActivatedAt = now;
    }

    private static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
