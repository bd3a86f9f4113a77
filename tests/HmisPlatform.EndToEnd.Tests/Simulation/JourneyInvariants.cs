using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests.Simulation;

/// <summary>
/// What must hold after any set of journeys, whatever they did: each request reached the state its journey leads to,
/// and every change of it is in its audit, one after the other; no closed request holds a credit; the credits an
/// agency consumed are the accounts it got live; and no account is live without its chain (signed by the user, then
/// confirmed by another ATA or Supervisor of the agency).
/// </summary>
public static class JourneyInvariants
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<string>> CheckAsync(SimulatedPlatform platform, IReadOnlyList<JourneyResult> journeys, IReadOnlyList<SimulatedAgency> agencies,
        IReadOnlyList<(SimulatedAgency Agency, string PersonId)> everyone)
    {
        var problems = new List<string>();
        var requests = new AccessRequests.AccessRequestsClient(platform.HmisTeam);
        var credentials = new Credentials.CredentialsClient(platform.HmisTeam);
        foreach (var journey in journeys.SelectMany(j => j.Before.Append(j)))
        {
            problems.AddRange(await RequestAsync(requests, journey));
        }
        foreach (var person in everyone.Select(p => p.PersonId).Distinct())
        {
            foreach (var account in (await credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person })).Accounts.Where(a => a.ActivatedAt is not null))
            {
                problems.AddRange(await ChainAsync(credentials, account));
            }
        }
        foreach (var agency in agencies)
        {
            problems.AddRange(await CreditsAsync(platform, credentials, agency, everyone));
        }
        return problems;
    }

    /// <summary>The request reached its journey's state, and its audit runs from submission to that state without a gap.</summary>
    public static async Task<IReadOnlyList<string>> RequestAsync(AccessRequests.AccessRequestsClient requests, JourneyResult journey)
    {
        AccessRequest request;
        try
        {
            request = (await Eventually.ReturnsAsync(
                async () => (await requests.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = journey.RequestId })).AccessRequest,
                r => r.Status == journey.Expected, Settle))!;
        }
        catch (TimeoutException)
        {
            var now = (await requests.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = journey.RequestId })).AccessRequest;
            return [$"{journey.Spec}: request {journey.RequestId} is {now.Status} (waiting on {now.WaitingOn}), not {journey.Expected}"];
        }
        var history = (await requests.ListAccessRequestHistoryAsync(new ListAccessRequestHistoryRequest { AccessRequestId = journey.RequestId })).Changes;
        var problems = new List<string>();
        if (history.Count == 0 || history[0].FromStatus != AccessRequestStatus.Unspecified)
        {
            problems.Add($"{journey.Spec}: request {journey.RequestId}'s audit does not start at its submission");
        }
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].FromStatus != history[i - 1].ToStatus)
            {
                problems.Add($"{journey.Spec}: request {journey.RequestId}'s audit skips from {history[i - 1].ToStatus} to {history[i].FromStatus}");
            }
        }
        if (history.Count > 0 && history[^1].ToStatus != request.Status)
        {
            problems.Add($"{journey.Spec}: request {journey.RequestId}'s audit ends at {history[^1].ToStatus}, the request is {request.Status}");
        }
        return problems;
    }

    /// <summary>A live account was made, then signed by its user, then confirmed by an ATA or Supervisor who is not the user.</summary>
    public static async Task<IReadOnlyList<string>> ChainAsync(Credentials.CredentialsClient credentials, Account account)
    {
        var changes = (await credentials.ListAccountChangesAsync(new ListAccountChangesRequest { AccountId = account.Id })).Changes;
        var issued = changes.ToList().FindIndex(c => c.Kind == "ISSUED");
        var signed = changes.ToList().FindIndex(c => c.Kind == "AGREEMENT_SIGNED" && c.ActorSubject == account.PersonId && c.ActorRole == "trainee");
        var confirmed = changes.ToList().FindIndex(c => c.Kind == "AGREEMENT_CONFIRMED" && c.ActorSubject != account.PersonId && c.ActorRole is "ata" or "supervisor");
        return issued == 0 && signed > issued && confirmed > signed
            ? []
            : [$"account {account.Id} is live without its chain: {string.Join(", ", changes.Select(c => $"{c.Kind} by {c.ActorRole}:{c.ActorSubject}"))}"];
    }

    /// <summary>No closed request holds a credit, and the agency consumed one credit per account it got live.</summary>
    public static async Task<IReadOnlyList<string>> CreditsAsync(SimulatedPlatform platform, Credentials.CredentialsClient credentials, SimulatedAgency agency,
        IReadOnlyList<(SimulatedAgency Agency, string PersonId)> everyone)
    {
        var ledger = new List<CreditLedgerEntry>();
        var credits = new LicenseCredits.LicenseCreditsClient(platform.HmisTeam);
        var page = "";
        do
        {
            var answer = await credits.ListCreditLedgerAsync(new ListCreditLedgerRequest { AgencyId = agency.Id, PageSize = 500, PageToken = page });
            ledger.AddRange(answer.Entries);
            page = answer.NextPageToken;
        }
        while (page.Length > 0);
        var problems = ledger.Where(e => e.AccessRequestId.Length > 0).GroupBy(e => e.AccessRequestId)
            .Select(r => (Request: r.Key, Held: r.Sum(e => e.Kind switch
            {
                CreditEntryKind.Reservation => e.Credits,
                CreditEntryKind.Release or CreditEntryKind.Consumption => -e.Credits,
                _ => 0,
            })))
            .Where(r => r.Held != 0)
            .Select(r => $"request {r.Request} of {agency.Domain} holds {r.Held} credit(s) though every request has ended")
            .ToList();
        var people = everyone.Where(p => p.Agency == agency).Select(p => p.PersonId).Distinct();
        var live = 0;
        foreach (var person in people)
        {
            live += (await credentials.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person })).Accounts.Count(a => a.AgencyId == agency.Id && a.ActivatedAt is not null);
        }
        var consumed = ledger.Where(e => e.Kind == CreditEntryKind.Consumption).Sum(e => e.Credits);
        if (consumed != live)
        {
            problems.Add($"{agency.Domain} consumed {consumed} credit(s) for {live} account(s) that went live");
        }
        return problems;
    }
}
