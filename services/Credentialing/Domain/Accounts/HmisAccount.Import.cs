using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Agreements;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>Accounts held before go-live, as the import brings them in (<see cref="AccountImport"/>).</summary>
public sealed partial class HmisAccount
{
    /// <summary>The responsibilities the account was held with before go-live; empty for accounts made on the platform.</summary>
    public List<Responsibility> Responsibilities { get; private set; } = [];

    /// <summary>
    /// An account as it stood before go-live: active (its agreement signed and confirmed on the day stated, in the
    /// version in force at go-live) or removed. Its username is then taken for ever, like any other.
    /// </summary>
    internal static HmisAccount Imported(AccountImportFacts facts, Guid personId, EndUserAgreement agreement, Actor importer, DateTimeOffset now)
    {
        var account = new HmisAccount
        {
            Route = AccountRoute.Imported,
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            AgencyId = facts.AgencyId,
            Username = facts.Username,
            Email = facts.Email.Value,
            Status = AccountStatus.Active,
            CreatedAt = now,
        };
        account.Record(AccountChangeKind.Imported, importer, now, "before go-live");
        account.BringUpTo(facts, agreement, importer, now);
        return account;
    }

    /// <summary>Brings the account up to a corrected row; returns whether anything changed. Removed access is not restored.</summary>
    internal bool BringUpTo(AccountImportFacts facts, EndUserAgreement agreement, Actor importer, DateTimeOffset now)
    {
        if (Status == AccountStatus.Removed && facts.Active)
        {
            throw DomainException.Invalid(AccountRemovedReason, "Removed access is not restored by an import: the ATA requests access again.",
                new FieldViolation("status", "the account is removed on the platform", AccountRemovedReason));
        }
        var changed = false;
        if (!ProjectTypes.Order().SequenceEqual(facts.ProjectTypes.Order()))
        {
            ProjectTypes = [.. facts.ProjectTypes.Order()];
            changed = true;
        }
        if (!Responsibilities.Order().SequenceEqual(facts.Responsibilities.Order()))
        {
            Responsibilities = [.. facts.Responsibilities.Order()];
            changed = true;
        }
        var signedAt = facts.AgreementSignedOn is { } signed ? Continuum.StartOf(signed) : (DateTimeOffset?)null;
        if (signedAt is not null && AgreementSignedAt != signedAt)
        {
            (AgreementVersion, AgreementTextHash, AgreementSignedAt, AgreementConfirmedAt) = (agreement.Version, agreement.TextHash, signedAt, signedAt);
            ActivatedAt ??= signedAt;
            changed = true;
        }
        // The platform may know a later login than the file; the last login only moves forward.
        if (facts.LastLoginOn is { } login && (LastActivityAt is null || Continuum.StartOf(login) > LastActivityAt))
        {
            LastActivityAt = Continuum.StartOf(login);
            changed = true;
        }
        if (Status != AccountStatus.Removed && !facts.Active)
        {
            Remove(RemovalReason.BeforeGoLive, null, importer, now);
            changed = true;
        }
        return changed;
    }
}
