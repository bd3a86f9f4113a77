using System.Diagnostics;
using CsCheck;
using Google.Protobuf.WellKnownTypes;
using Hmis.Gateway.V1;
using HmisPlatform.Testing;
using Xunit.Abstractions;

namespace HmisPlatform.EndToEnd.Tests.Simulation;

/// <summary>The simulator has a platform of its own: it moves that platform's clock months ahead.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "simulator";
}

/// <summary>
/// The journey simulator: generated people go through the real services, every form, project mix, responsibility,
/// transfer history and outcome, concurrently (the eight seats fill and the line moves), then the clock moves on for the
/// journeys that need time. After it, every journey must have ended where the process says (live credentials or a
/// closed request the ATA is told of) and the platform's invariants must hold. CsCheck generates the journeys from a
/// fixed seed; a journey that fails is shrunk to its smallest failing form, and its seed reported.
/// </summary>
/// <remarks>
/// The README's test command runs <see cref="DefaultJourneys"/> journeys. A long run:
/// <c>HMIS_SIMULATOR_JOURNEYS=2000 HMIS_SIMULATOR_SEED=7 dotnet test tests/HmisPlatform.EndToEnd.Tests --filter JourneySimulator</c>.
/// </remarks>
[Collection(SimulatorCollection.Name)]
public sealed class JourneySimulatorTests(PlatformFixture fixture, ITestOutputHelper output)
{
    public const int DefaultJourneys = 120;
    private const ulong DefaultSeed = 20261206;
    private const uint Stream = 18;
    private const int AtOnce = 10;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    [Trait("ASVS", "2.3.1")]
    [Fact]
    public async Task GeneratedJourneys_AllEndWhereTheProcessSays_AndNoInvariantBreaks()
    {
        var clock = Stopwatch.StartNew();
        var count = Setting("HMIS_SIMULATOR_JOURNEYS", DefaultJourneys);
        var seed = (ulong)Setting("HMIS_SIMULATOR_SEED", (int)DefaultSeed);
        var platform = new SimulatedPlatform(fixture);
        var home = await SimulatedAgency.CreateAsync(platform, "Riverside");
        var elsewhere = await SimulatedAgency.CreateAsync(platform, "Lakeshore");
        var ceTeam = new Lazy<Task<StaffBrowser>>(() => CeTeamAsync(platform));
        var runner = new JourneyRunner(platform, home, elsewhere, () => ceTeam.Value);
        var failures = new List<(JourneySpec Spec, string Seed, Exception Error)>();

        // Phase one: every outcome that needs no clock, several at once.
        var timeless = Generate(JourneySpec.WithoutClock, seed, count - count / 10);
        var finished = await RunAllAsync(runner, timeless, failures);

        // Phase two: journeys that need time go to the point where it must pass; then seven months pass at once (a seat's
        // ten days, the training's six months, the inactivity marks), the sweeps run, and each must have ended as the rules say.
        var timed = HoldingFewSeats(Generate(JourneySpec.WithClock, seed + 1, Math.Max(6, count / 10)));
        var waiting = await RunAllAsync(runner, timed, failures);
        var testClock = new TestClock.TestClockClient(platform.HmisTeam);
        await testClock.AdvanceTestClockAsync(new AdvanceTestClockRequest { RequestId = Guid.NewGuid().ToString(), By = Duration.FromTimeSpan(TimeSpan.FromDays(214)) });
        try
        {
            await testClock.RunSweepsAsync(new RunSweepsRequest { RequestId = Guid.NewGuid().ToString() });
        }
        catch (Grpc.Core.RpcException e)
        {
            await WriteLogsAsync(e.Status.Detail);
            throw;
        }
        var removals = await InactivityRemovedAsync(platform, waiting.Where(j => j.Spec.Outcome == JourneyOutcome.InactivityRemoval));

        var problems = await JourneyInvariants.CheckAsync(platform, [.. finished, .. waiting], [home, elsewhere], runner.Everyone);
        var report = new List<string>
        {
            $"{DateTimeOffset.UtcNow:O} seed {seed}: {timeless.Count + timed.Count} journeys " +
            $"({string.Join(", ", timeless.Concat(timed).GroupBy(s => s.Spec.Outcome).Select(g => $"{g.Key} {g.Count()}"))}) " +
            $"of {timeless.Concat(timed).Sum(s => s.Spec.People)} people in {clock.Elapsed.TotalSeconds:F0} s; {failures.Count} failed, {problems.Count + removals.Count} invariant(s) broken",
        };
        report.AddRange(problems.Concat(removals));
        report.AddRange(failures.Select(f => $"failed: {f.Spec} (seed {f.Seed}): {f.Error.Message}"));
        report.ForEach(output.WriteLine);
        // Kept beside the screenshots, so a run's figures outlive its console.
        Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts"));
        await File.AppendAllLinesAsync(Path.Combine(RepositoryPaths.Root, "artifacts", "journey-simulator.txt"), report);
        if (failures.Count > 0)
        {
            var (spec, failedSeed, error) = failures[0];
            Assert.Fail($"{failures.Count} journey(s) failed; the first: {spec} (seed {failedSeed}): {error.Message}\n{await ShrinkAsync(runner, platform, home, elsewhere, spec, failedSeed)}");
        }
        Assert.Empty(problems.Concat(removals));
    }

    /// <summary>
    /// A seat-expiry journey holds its Sample Client seat until the clock moves, and the Continuum has eight: with more
    /// such journeys than seats the others would wait for a seat that only time frees. A long run keeps six of them (the
    /// first ones generated), so two seats keep the line moving for the rest.
    /// </summary>
    private const int MaxSeatsHeld = 6;

    private static List<(JourneySpec Spec, string Seed)> HoldingFewSeats(List<(JourneySpec Spec, string Seed)> journeys) =>
        [.. journeys.Where(j => j.Spec.Outcome != JourneyOutcome.SeatExpiry)
            .Concat(journeys.Where(j => j.Spec.Outcome == JourneyOutcome.SeatExpiry).Take(MaxSeatsHeld))];

    /// <summary>Each journey generated from its own seed, so a failing one can be run again (and shrunk) alone.</summary>
    private static List<(JourneySpec Spec, string Seed)> Generate(Gen<JourneySpec> gen, ulong seed, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var pcg = new PCG(Stream, seed * 100_000 + (ulong)i);
            var text = pcg.ToString();
            return (gen.Generate(pcg, null!, out _), text);
        })];

    private static async Task<List<JourneyResult>> RunAllAsync(JourneyRunner runner, IReadOnlyList<(JourneySpec Spec, string Seed)> journeys,
        List<(JourneySpec, string, Exception)> failures)
    {
        using var slots = new SemaphoreSlim(AtOnce);
        var results = await Task.WhenAll(journeys.Select(async journey =>
        {
            await slots.WaitAsync();
            try
            {
                return await runner.RunAsync(journey.Spec);
            }
            catch (Exception e)
            {
                lock (failures)
                {
                    failures.Add((journey.Spec, journey.Seed, e));
                }
                return null;
            }
            finally
            {
                slots.Release();
            }
        }));
        return [.. results.OfType<JourneyResult>()];
    }

    /// <summary>Each live account of a journey that waited seven months was removed for inactivity, its user and ATA told.</summary>
    private static async Task<IReadOnlyList<string>> InactivityRemovedAsync(SimulatedPlatform platform, IEnumerable<JourneyResult> journeys)
    {
        var problems = new List<string>();
        var credentials = new Hmis.Credentialing.V1.Credentials.CredentialsClient(platform.HmisTeam);
        foreach (var person in journeys.SelectMany(j => j.People))
        {
            try
            {
                await Eventually.ReturnsAsync(
                    async () => (await credentials.GetPersonAccessAsync(new Hmis.Credentialing.V1.GetPersonAccessRequest { PersonId = person.PersonId })).Accounts,
                    accounts => accounts.All(a => a.Status == Hmis.Credentialing.V1.AccountStatus.Removed && a.RemovalReason == Hmis.Credentialing.V1.RemovalReason.Inactive),
                    TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                problems.Add($"{person.PersonId}: not removed after seven months without a login");
            }
        }
        return problems;
    }

    /// <summary>
    /// CsCheck runs the failing journey's kind again from its seed and keeps the smallest form that still fails (fewer people,
    /// fewer projects), within a bounded budget (HMIS_SIMULATOR_SHRINK runs, 8 by default).
    /// </summary>
    private async Task<string> ShrinkAsync(JourneyRunner runner, SimulatedPlatform platform, SimulatedAgency home, SimulatedAgency elsewhere, JourneySpec failed, string seed)
    {
        if (failed.MovesTheClock)
        {
            return "(a journey that moves the clock is not shrunk: run it again with its seed)";
        }
        try
        {
            await JourneySpec.For(Gen.Const(failed.Outcome)).SampleAsync(async spec =>
            {
                var result = await runner.RunAsync(spec);
                var problems = await JourneyInvariants.RequestAsync(new Hmis.Requests.V1.AccessRequests.AccessRequestsClient(platform.HmisTeam), result);
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException(string.Join("; ", problems));
                }
            }, seed: seed, iter: Setting("HMIS_SIMULATOR_SHRINK", 8), threads: 1);
            return "(it passed when run alone: it needs other journeys around it)";
        }
        catch (Exception e)
        {
            output.WriteLine(e.Message);
            return $"Shrunk: {e.Message}";
        }
    }

    /// <summary>What the services said, for a run that failed in the platform rather than in a journey.</summary>
    private async Task WriteLogsAsync(string failure)
    {
        var service = failure.Split(':')[0];
        foreach (var line in await fixture.LogsOfAsync(service, 80))
        {
            output.WriteLine($"{service}> {line}");
        }
    }

    private static async Task<StaffBrowser> CeTeamAsync(SimulatedPlatform platform)
    {
        var browser = platform.Browser();
        await browser.SignInAsync("ce.coordinator@hmis.example.org", "Demo-access-2026");
        using var verified = await browser.PostFormAsync("/account/sign-in/two-factor", ("code", await Authenticators.NextCodeAsync("HMISDEMOCETEAMKEY2HMISDEMOCETEAM")));
        await browser.SendAntiforgeryTokenAsync();
        return browser;
    }
}
