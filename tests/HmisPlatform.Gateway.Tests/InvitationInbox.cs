using System.Collections.Concurrent;
using HmisPlatform.Gateway.Staff;

namespace HmisPlatform.Gateway.Tests;

/// <summary>The invitation e-mails the gateway sent, kept per address as the invitee's mailbox would.</summary>
public sealed class InvitationInbox : IInvitationMail
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _links = new(StringComparer.OrdinalIgnoreCase);

    public Task SendAsync(StaffUser person, string setPasswordPath, CancellationToken cancellationToken)
    {
        _links.GetOrAdd(person.Email!, _ => new ConcurrentQueue<string>()).Enqueue(setPasswordPath);
        return Task.CompletedTask;
    }

    /// <summary>Every link e-mailed to the address, oldest first.</summary>
    public IReadOnlyList<string> LinksTo(string email) => _links.TryGetValue(email, out var links) ? [.. links] : [];

    /// <summary>The newest link e-mailed to the address.</summary>
    public string LatestTo(string email) => LinksTo(email) is [.., var latest] ? latest : throw new InvalidOperationException("No invitation was e-mailed there.");
}
