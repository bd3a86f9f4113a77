using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.People;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>
/// The Credentialing service through its contract, as this service's own client identity: people's accounts in
/// every agency, and credit reservations at review. Its refusals come back as this service's domain refusals.
/// </summary>
public sealed class CredentialingClient(Credentials.CredentialsClient credentials, LicenseCredits.LicenseCreditsClient credits)
    : IAccountDirectory, ILicenseCredits
{
    public const string CredentialingUnavailableReason = "CREDENTIALING_UNAVAILABLE";

    public async Task<PersonHistory> FindAsync(string? email, string? hmisUsername, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(() => credentials.FindPersonAccessAsync(
            new FindPersonAccessRequest { Email = email ?? "", Username = hmisUsername ?? "" }, cancellationToken: cancellationToken).ResponseAsync);
        return new PersonHistory([.. answer.Accounts.Select(ToPriorAccount)]);
    }

    public async Task ReserveAsync(Guid idempotencyKey, Guid agencyId, Guid accessRequestId, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(() => credits.ReserveCreditsForRequestAsync(new ReserveCreditsForRequestRequest
            {
                RequestId = idempotencyKey.ToString(),
                AgencyId = agencyId.ToString(),
                AccessRequestId = accessRequestId.ToString(),
                PersonIds = { personIds.Select(p => p.ToString()) },
            }, cancellationToken: cancellationToken).ResponseAsync);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
        {
            throw DomainException.Exhausted("LICENSE_CREDITS_EXHAUSTED",
                $"The agency has not enough license credits for the {personIds.Count} account(s) of this request; the HMIS team records purchases.",
                new QuotaViolation($"agencies/{agencyId}", $"license credits needed: {personIds.Count}"));
        }
    }

    private static PriorAccount ToPriorAccount(Account account) => new(
        Guid.Parse(account.PersonId),
        Guid.Parse(account.AgencyId),
        account.Status switch
        {
            AccountStatus.Active => AccountState.Active,
            AccountStatus.Removed => AccountState.Removed,
            _ => AccountState.Pending,
        },
        [.. account.ProjectTypes.ToDomain()],
        (account.LastActivityAt ?? account.ActivatedAt ?? account.CreatedAt).ToDateTimeOffset());

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new DomainException(ErrorKind.Unavailable, CredentialingUnavailableReason, "The Credentialing service did not answer; try again shortly.");
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.ResourceExhausted)
        {
            // Another service's refusal is not the caller's to see: it is this service's failure.
            throw new InvalidOperationException($"Credentialing refused a call of the Requests service: {ex.StatusCode}.", ex);
        }
    }
}
