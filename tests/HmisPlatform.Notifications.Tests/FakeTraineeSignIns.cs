using System.Collections.Concurrent;
using HmisPlatform.Notifications.Infrastructure;

namespace HmisPlatform.Notifications.Tests;

/// <summary>The gateway's register of people, stood in for: a new link per invitation, none for those who sign in already.</summary>
public sealed class FakeTraineeSignIns : ITraineeSignIns
{
    private readonly ConcurrentDictionary<Guid, string> _links = new();
    private readonly ConcurrentDictionary<Guid, int> _invitations = new();

    public ConcurrentBag<Guid> SigningInAlready { get; } = [];

    /// <summary>The last link made for the person.</summary>
    public string? LinkFor(Guid personId) => _links.GetValueOrDefault(personId);

    /// <summary>How many times the person was invited.</summary>
    public int InvitationsOf(Guid personId) => _invitations.GetValueOrDefault(personId);

    public Task<string?> InviteAsync(Guid personId, string email, Guid agencyId, CancellationToken cancellationToken)
    {
        _invitations.AddOrUpdate(personId, 1, (_, n) => n + 1);
        if (SigningInAlready.Contains(personId))
        {
            return Task.FromResult<string?>(null);
        }
        var link = $"https://hmis.example.org/account/set-password?user={personId}&token={Guid.NewGuid():N}";
        _links[personId] = link;
        return Task.FromResult<string?>(link);
    }
}
