using System.Collections.Concurrent;
using HmisPlatform.Notifications.Infrastructure;

namespace HmisPlatform.Notifications.Tests;

/// <summary>Credentialing's activation tokens, stood in for: a new token per call, none for accounts already set up.</summary>
public sealed class FakeActivationLinks : IActivationLinks
{
    private readonly ConcurrentDictionary<Guid, string> _issued = new();

    public ConcurrentBag<Guid> AlreadyProvisioned { get; } = [];

    /// <summary>The last link issued for the account.</summary>
    public string? IssuedFor(Guid accountId) => _issued.GetValueOrDefault(accountId);

    public Task<string?> IssueAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if (AlreadyProvisioned.Contains(accountId))
        {
            return Task.FromResult<string?>(null);
        }
        var link = $"https://hmis.example.org/activate#token={Guid.NewGuid():N}";
        _issued[accountId] = link;
        return Task.FromResult<string?>(link);
    }
}
