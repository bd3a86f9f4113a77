using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Provisioning;

namespace HmisPlatform.Credentialing.Infrastructure;

/// <summary>The built-in provisioning: records the account in this service's database, in the caller's transaction.</summary>
public sealed class RecordedHmisProvisioning(CredentialingDbContext db, TimeProvider time) : IHmisProvisioning
{
    public Task ProvisionAsync(HmisAccount account, CancellationToken cancellationToken)
    {
        db.ProvisionedAccounts.Add(new ProvisionedAccount(account, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
