using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;

namespace HmisPlatform.Credentialing.Domain.Provisioning;

/// <summary>
/// The one way accounts reach the HMIS itself. The vendor's API is not reachable from here, so the built-in
/// implementation records what it would provision; a vendor implementation replaces it without touching the rules.
/// </summary>
public interface IHmisProvisioning
{
    Task ProvisionAsync(HmisAccount account, CancellationToken cancellationToken);
}

/// <summary>What was provisioned into the HMIS for an account: its username, agency and project types.</summary>
public sealed class ProvisionedAccount
{
    public Guid AccountId { get; private set; }

    public string Username { get; private set; } = "";

    public Guid AgencyId { get; private set; }

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public DateTimeOffset ProvisionedAt { get; private set; }

    public ProvisionedAccount(HmisAccount account, DateTimeOffset at)
    {
        AccountId = account.Id;
        Username = account.Username;
        AgencyId = account.AgencyId;
        ProjectTypes = [.. account.ProjectTypes];
        ProvisionedAt = at;
    }

    private ProvisionedAccount()
    {
    }
}

/// <summary>How long an activation token works (configuration section <c>Activation</c>).</summary>
public sealed class ActivationOptions
{
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(72);
}
