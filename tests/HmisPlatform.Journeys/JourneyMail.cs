using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using Hmis.Notifications.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.Journeys;

/// <summary>
/// The e-mail a journey sent, as the local mail catcher caught it (<paramref name="mailCatcher"/> makes a client of its
/// HTTP endpoint), and the HMIS team's list of failed deliveries. A person waits <paramref name="patience"/> for an
/// e-mail (a minute unless told): longer where a fault the test made may hold it up.
/// </summary>
public sealed class JourneyMail(Func<HttpClient> mailCatcher, GrpcChannel hmisTeamGateway, TimeSpan? patience = null)
{
    private readonly TimeSpan _patience = patience ?? TimeSpan.FromSeconds(60);

    public sealed record Caught(string From, IReadOnlyList<string> To, string Subject, string Text);

    /// <summary>The subjects an address received about one request, once all the expected ones arrived.</summary>
    public async Task<IReadOnlyList<string>> SubjectsAsync(string address, string accessRequestId, params string[] expected)
    {
        using var http = mailCatcher();
        async Task<List<string>> ReadAsync() => (await http.GetFromJsonAsync<List<Caught>>(MessagesTo(address)))!
            .Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase) && m.Text.Contains(accessRequestId, StringComparison.Ordinal))
            .Select(m => m.Subject).ToList();
        try
        {
            return await Eventually.ReturnsAsync(ReadAsync, subjects => expected.All(e => subjects.Any(s => s.Contains(e, StringComparison.Ordinal))), _patience);
        }
        catch (TimeoutException)
        {
            var got = await ReadAsync();
            throw new TimeoutException($"No e-mail \"{string.Join("\", \"", expected.Where(e => !got.Any(s => s.Contains(e, StringComparison.Ordinal))))}\" " +
                $"about request {accessRequestId} reached the mail catcher in {_patience.TotalSeconds:F0} s; it had [{string.Join(", ", got)}]");
        }
    }

    /// <summary>The text of the one message to the address about the request whose subject has the words.</summary>
    public async Task<string> TextAsync(string address, string accessRequestId, string subject)
    {
        using var http = mailCatcher();
        return (await http.GetFromJsonAsync<List<Caught>>(MessagesTo(address)))!
            .Single(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase) && m.Text.Contains(accessRequestId, StringComparison.Ordinal)
                && m.Subject.Contains(subject, StringComparison.Ordinal))
            .Text;
    }

    /// <summary>
    /// The path of the sign-in link in the person's approval e-mail about the request (waiting for it), or null when it
    /// carried none: they sign in already.
    /// </summary>
    public async Task<string?> SignInPathAsync(string address, string accessRequestId)
    {
        await SubjectsAsync(address, accessRequestId, ApprovedSubject);
        var link = Regex.Match(await TextAsync(address, accessRequestId, ApprovedSubject), @"/account/set-password\?\S+");
        return link.Success ? link.Value : null;
    }

    private const string ApprovedSubject = "Approved for HMIS training";

    /// <summary>The path of the newest set-password link e-mailed to a person invited to sign in (waiting for it).</summary>
    public async Task<string> InvitationPathAsync(string address)
    {
        using var http = mailCatcher();
        var invitation = await Eventually.ReturnsAsync(
            async () => (await http.GetFromJsonAsync<List<Caught>>(MessagesTo(address)))!
                .LastOrDefault(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase) && m.Subject == InvitationSubject),
            caught => caught is not null,
            _patience);
        return Regex.Match(invitation!.Text, @"/account/set-password\?\S+").Value;
    }

    private const string InvitationSubject = "Your HmisPlatform sign-in";

    private static string MessagesTo(string address) => $"/messages?to={Uri.EscapeDataString(address)}";

    /// <summary>What the HMIS team's failed list holds about the request, through the gateway.</summary>
    public async Task<IReadOnlyList<FailedDelivery>> FailedAsync(string accessRequestId) =>
        [.. (await new Notifications.NotificationsClient(hmisTeamGateway).ListFailedDeliveriesAsync(new ListFailedDeliveriesRequest { PageSize = 200 }))
            .Deliveries.Where(d => d.Notification.AccessRequestId == accessRequestId)];
}
