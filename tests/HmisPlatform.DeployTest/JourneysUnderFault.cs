using System.Collections.Concurrent;
using System.Diagnostics;
using HmisPlatform.Journeys;
using Npgsql;

namespace HmisPlatform.DeployTest;

/// <summary>
/// People going from request to live account through the gateway, two at a time, each starting as the one before
/// finishes, for a few seconds before a fault, through it and after it; then every journey must have ended with its
/// person's one live account, which consumed one credit, and once the fault is over the outboxes drain and nothing is
/// dead-lettered. What the end-to-end fault tests check on the local platform, here against the deployment.
/// </summary>
public sealed class JourneysUnderFault(DeployedPlatform platform, Func<string, NpgsqlConnection> database, Action<string> say)
{
    private const int JourneysAtOnce = 2;

    public async Task<IReadOnlyList<string>> RunAsync(string fault, Func<Task> during)
    {
        var started = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var driver = platform.Driver();
        using var ata = await driver.SignInAtaAsync();
        var journeys = new ConcurrentBag<(string Name, Hmis.Credentialing.V1.Account? Account, Exception? Failure)>();
        using var stop = new CancellationTokenSource();
        var travellers = Enumerable.Range(0, JourneysAtOnce).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var family = "Deploy" + new string([.. Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
                try
                {
                    journeys.Add((family, await platform.Driver().WholeJourneyAsync("Journey", family, ata), null));
                }
                catch (Exception ex)
                {
                    journeys.Add((family, null, ex));
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await during();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(travellers).WaitAsync(TimeSpan.FromMinutes(5));

        var problems = new List<string>();
        problems.AddRange(journeys.Where(j => j.Failure is not null).Select(j => $"{j.Name}'s journey failed: {j.Failure!.GetType().Name}: {j.Failure.Message}"));
        problems.AddRange(journeys.Where(j => j.Account is { } account && account.Status != Hmis.Credentialing.V1.AccountStatus.Active)
            .Select(j => $"{j.Name}'s account is {j.Account!.Status}, not active"));
        if (journeys.IsEmpty)
        {
            problems.Add("no journey ran");
        }
        var people = journeys.Where(j => j.Account is not null).Select(j => Guid.Parse(j.Account!.PersonId)).ToArray();
        await using (var credentialing = database(ResourceNames.CredentialingDb))
        {
            await credentialing.OpenAsync();
            problems.AddRange(await PlatformInvariants.AccountsAndCreditsAsync(credentialing, people, Guid.Parse(JourneyDriver.LakeviewAgencyId)));
        }
        foreach (var name in PlatformInvariants.EventDatabases)
        {
            await using var connection = database(name);
            await connection.OpenAsync();
            try
            {
                await Testing.Eventually.ReturnsAsync(() => PlatformInvariants.UndeliveredAsync(connection, TimeSpan.FromSeconds(30)), n => n == 0, TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                problems.Add($"{name}: events still in the outbox a minute after the fault");
            }
            if (await PlatformInvariants.DeadLettersAsync(connection) is var dead and > 0)
            {
                problems.Add($"{name}: {dead} dead letters");
            }
        }
        var approvals = await ApprovalMailTimeline.SinceAsync(database, startedAt);
        if (approvals.Count > 0)
        {
            var slowest = approvals.MaxBy(a => a.SecondsToMail)!;
            say($"{fault}: {approvals.Count} approval e-mails; the slowest was sent {slowest.SecondsToMail:F1} s after its approval ({slowest})");
        }
        if (journeys.Any(j => j.Failure is not null))
        {
            say($"{fault}: every approval since the phase began:\n  " + string.Join("\n  ", approvals));
        }
        say($"{fault}: {journeys.Count} journeys, {journeys.Count(j => j.Failure is null)} ended with one live account; " +
            $"{problems.Count} problems; {started.Elapsed.TotalSeconds:F0} s");
        return problems;
    }
}
