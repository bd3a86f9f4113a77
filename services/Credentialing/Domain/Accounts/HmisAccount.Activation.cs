using System.Security.Cryptography;
using System.Text;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>The single-use activation link a user follows to set up their live credentials (docs/process.md).</summary>
public sealed partial class HmisAccount
{
    /// <summary>
    /// A new single-use activation token for the user of an active account: 256 random bits, valid for the lifetime
    /// given. Only its hash is kept, and it voids any earlier token. Only the user themselves may have it: they ask for
    /// it, or the platform's service that e-mails it to their own address does (a platform service granted
    /// <c>credentials.activate</c>; another platform service, such as Requests, may not).
    /// </summary>
    /// <param name="mailsActivationLinks">Whether the caller is the platform's service granted to e-mail activation links.</param>
    public string IssueActivationToken(Caller caller, bool mailsActivationLinks, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!caller.IsPerson(PersonId) && !(caller.IsPlatformService && mailsActivationLinks))
        {
            throw DomainException.PermissionDenied(OnlyTheUserActivatesReason, "Only the user gets their activation token.");
        }
        if (Status != AccountStatus.Active)
        {
            throw DomainException.Precondition(AccountNotActiveReason, "The account is not active.",
                new PreconditionViolation("ACCOUNT", $"accounts/{Id}", $"status is {Status}"));
        }
        if (ProvisionedAt is not null)
        {
            throw DomainException.Precondition(AlreadyProvisionedReason, "The password was already set in the HMIS; use its reset instead.",
                new PreconditionViolation("ACCOUNT", $"accounts/{Id}", "already provisioned"));
        }
        var token = ActivationToken.New();
        ActivationTokenHash = ActivationToken.HashOf(token);
        ActivationTokenExpiresAt = now + lifetime;
        Record(AccountChangeKind.ActivationLinkIssued, caller.AsActor(), now);
        return token;
    }

    /// <summary>
    /// The HMIS redeems the token when the user sets their password there. A wrong or used token and an unknown
    /// username get the same answer; redeeming the redeemed token again returns false and changes nothing.
    /// </summary>
    /// <returns>True when this call provisioned the account.</returns>
    public bool RedeemActivationToken(string token, Caller hmis, DateTimeOffset now)
    {
        var hash = ActivationToken.HashOf(token);
        if (RedeemedTokenHash is not null && FixedTimeEquals(RedeemedTokenHash, hash))
        {
            return false;
        }
        if (Status != AccountStatus.Active || ActivationTokenHash is null || !FixedTimeEquals(ActivationTokenHash, hash))
        {
            throw InvalidToken();
        }
        if (now >= ActivationTokenExpiresAt)
        {
            throw DomainException.Precondition(ActivationTokenExpiredReason, "The activation token has expired; the user can get a new one.",
                new PreconditionViolation("ACTIVATION_TOKEN", $"accounts/{Id}", "expired"));
        }
        RedeemedTokenHash = hash;
        ActivationTokenHash = null;
        ActivationTokenExpiresAt = null;
        ProvisionedAt = now;
        Record(AccountChangeKind.SetUpInHmis, hmis.AsActor(), now);
        return true;
    }

    public static DomainException InvalidToken() =>
        DomainException.Invalid(ActivationTokenInvalidReason, "The username or activation token is not valid.",
            new FieldViolation("activation_token", "not valid", ActivationTokenInvalidReason));

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
