using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Hmis.Requests.V1;
using HmisPlatform;
using HmisPlatform.Journeys;
using HmisPlatform.Load;
using HmisPlatform.Load.Ceiling;
using HmisPlatform.Testing;

// ./platform.sh load [--seconds N] [--rows N] [--people N] [--callers 1,4,16,64] [--only submit,reads,journeys] [--out FOLDER]
var options = LoadOptions.Parse(args);
var report = new Report($"{Environment.ProcessorCount} cores ({Machine.Cpu()}), {Machine.MemoryGiB():F0} GiB, {Environment.OSVersion.VersionString}, .NET {Environment.Version}");
Console.WriteLine($"Starting the platform ({Build.Configuration} build) ...");
await using var platform = await LoadPlatform.StartAsync(args.Contains("--log-sql"));
report.Note($"Platform start, built tree, AppHost to every resource healthy: {platform.Startup.TotalSeconds:F1} s.");
await Task.Delay(TimeSpan.FromSeconds(10));
report.Note("Idle memory after start (working set, MiB): " + string.Join(", ", platform.Memory().Select(m => $"{m.Service} {m.MiB:F0}")) + ".");

await using var ceiling = await CeilingServer.StartAsync(await platform.ScratchDatabaseAsync("load_ceiling"));
using var ceilingChannel = GrpcChannel.ForAddress(ceiling.Address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
var ceilingClient = new Ceiling.CeilingClient(ceilingChannel);
Task Ceiling(CancellationToken ct) => ceilingClient.InsertAsync(new InsertRequest { RequestId = Guid.NewGuid().ToString(), Text = "load" }, cancellationToken: ct).ResponseAsync;

using var requestsAsAgency = platform.Channel(ResourceNames.RequestsApi, platform.AgencyToken);
using var requestsAsHmisTeam = platform.Channel(ResourceNames.RequestsApi, platform.HmisTeamToken);
using var gatewayAsAgency = platform.Channel(ResourceNames.Gateway, platform.AgencyToken);
using var gatewayAsHmisTeam = platform.Channel(ResourceNames.Gateway, platform.HmisTeamToken);
using var gatewayAsLms = platform.Channel(ResourceNames.Gateway, platform.LmsToken);
var submissions = new Submissions();
var metrics = ResourceNames.DomainServices.Select(platform.Http).ToList();

async Task<Measurement> Run(string scenario, int callers, Func<CancellationToken, Task> call)
{
    Console.WriteLine($"  {scenario}, {callers} callers ...");
    return await ClosedLoop.RunAsync(scenario, callers, options.WarmUp, options.Measured, call);
}

// The ceiling and submit at each concurrency, alternating, so both see the same machine.
var hopsBefore = await EventHops.ReadAsync(metrics);
var ceilingBy = new List<Measurement>();
var submitBy = new List<Measurement>();
foreach (var callers in options.Callers)
{
    ceilingBy.Add(await Run("ceiling: gRPC + one EF Core insert", callers, Ceiling));
    submitBy.Add(await Run("SubmitAccessRequest, 1 person, at the service", callers, submissions.Call(new AccessRequests.AccessRequestsClient(requestsAsAgency), 1)));
}
for (var i = 0; i < options.Callers.Count; i++)
{
    report.Add(ceilingBy[i], ceilingBy[i]);
    report.Add(submitBy[i], ceilingBy[i]);
}
var at16 = ceilingBy.FindIndex(m => m.Callers == options.Callers.OrderBy(c => Math.Abs(c - 16)).First());
var (ceiling16, straight) = (ceilingBy[at16], submitBy[at16]);
var bundle = await Run("SubmitAccessRequest, 5 people, at the service", ceiling16.Callers, submissions.Call(new AccessRequests.AccessRequestsClient(requestsAsAgency), 5));
report.Add(bundle, ceiling16);
var throughGateway = await Run("SubmitAccessRequest, 1 person, through the gateway", ceiling16.Callers, submissions.Call(new AccessRequests.AccessRequestsClient(gatewayAsAgency), 1));
report.Add(throughGateway, ceiling16);
var hopsUnderSubmit = (await EventHops.ReadAsync(metrics)).Since(hopsBefore);

// The floor under a submission: one read of a request, and the look-up of a person's history it makes at Credentialing.
using var credentialingAsHmisTeam = platform.Channel(ResourceNames.CredentialingApi, platform.HmisTeamToken);
var someRequest = (await new AccessRequests.AccessRequestsClient(requestsAsHmisTeam).ListAccessRequestsAsync(new ListAccessRequestsRequest { PageSize = 1 })).AccessRequests[0];
report.Add(await Run("GetAccessRequest at the service", 1, ct => new AccessRequests.AccessRequestsClient(requestsAsHmisTeam)
    .GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = someRequest.Id }, cancellationToken: ct).ResponseAsync), ceilingBy[0]);
report.Add(await Run("RecommendRequestType at the service (one agency read, one FindPersonAccess from Requests)", 1, ct => new AccessRequests.AccessRequestsClient(requestsAsAgency)
    .RecommendRequestTypeAsync(new RecommendRequestTypeRequest { AgencyId = JourneyDriver.LakeviewAgencyId, Email = someRequest.Users[0].Email,
        Access = new Hmis.Common.V1.Access { Responsibilities = { Hmis.Common.V1.Responsibility.EnterClientData }, ProjectTypes = { Hmis.Common.V1.ProjectType.EmergencyShelter } } },
        cancellationToken: ct).ResponseAsync), ceilingBy[0]);
report.Add(await Run("FindPersonAccess at Credentialing (each submission makes one per person)", 1, ct => new Hmis.Credentialing.V1.Credentials.CredentialsClient(credentialingAsHmisTeam)
    .FindPersonAccessAsync(new Hmis.Credentialing.V1.FindPersonAccessRequest { Email = someRequest.Users[0].Email }, cancellationToken: ct).ResponseAsync), ceilingBy[0]);
report.Note(string.Create(CultureInfo.InvariantCulture,
    $"Submit at the service at {straight.Callers} callers: {straight.Rate / ceiling16.Rate:F2}× the ceiling's rate (target ≥ 0.5), p99 {straight.Milliseconds(99) / ceiling16.Milliseconds(99):F1}× the ceiling's p99 (target ≤ 4); through the gateway {throughGateway.Rate / straight.Rate:F2}× straight (target ≥ 0.8)."));
report.Note(string.Create(CultureInfo.InvariantCulture,
    $"Event hop under the submit load (commit to applied, {hopsUnderSubmit.Count:F0} events, every consumer, from the services' hmis.events.hop_duration): p50 {hopsUnderSubmit.Milliseconds(0.5):F1} ms, p99 {hopsUnderSubmit.Milliseconds(0.99):F1} ms (target ≤ 100)."));

if (options.Runs("reads"))
{
    await ReadsAsync();
}
if (options.Runs("journeys"))
{
    await JourneysAsync();
}
report.Note("Memory after the run (working set, MiB): " + string.Join(", ", platform.Memory().Select(m => $"{m.Service} {m.MiB:F0}")) + ".");

var written = await report.WriteAsync(options.Output, ceilingBy, submitBy);
Console.WriteLine($"Wrote {written} and the plot beside it.");

// A million historical requests, then the staff's reads over them.
async Task ReadsAsync()
{
    var seeding = Stopwatch.StartNew();
    var people = await HistoricalRequests.SeedAsync(await platform.OwnerConnectionStringAsync(ResourceNames.RequestsDb), options.Rows);
    report.Note($"Seeded {options.Rows:N0} historical requests, each with its person and journey, by binary COPY in {seeding.Elapsed.TotalSeconds:F0} s.");
    var queue = new AccessRequests.AccessRequestsClient(requestsAsHmisTeam);
    var queueReads = new (string Name, ListAccessRequestsRequest Request)[]
    {
        ("review queue, page of 50: waiting for the HMIS team", new() { Statuses = { AccessRequestStatus.Submitted }, PageSize = 50 }),
        ("review queue, page of 50: one form", new() { Statuses = { AccessRequestStatus.Submitted }, Type = RequestType.ReturningUser, PageSize = 50 }),
        ("review queue, page of 50: one agency", new() { Statuses = { AccessRequestStatus.Submitted }, AgencyId = JourneyDriver.LakeviewAgencyId, PageSize = 50 }),
        ("requests, page of 50: one agency, every status", new() { AgencyId = JourneyDriver.LakeviewAgencyId, PageSize = 50 }),
    };
    // Each read alone (its latency, what one person at the desk waits) and with 16 at once (the rate).
    foreach (var callers in new[] { 1, 16 })
    {
        var ceiling = ceilingBy.MinBy(m => Math.Abs(m.Callers - callers))!;
        foreach (var (name, read) in queueReads)
        {
            report.Add(await Run($"{name} ({options.Rows:N0} rows)", callers, ct => queue.ListAccessRequestsAsync(read, cancellationToken: ct).ResponseAsync), ceiling);
        }
        report.Add(await Run($"GetJourney ({options.Rows:N0} people)", callers, ct => queue.GetJourneyAsync(
            new GetJourneyRequest { PersonId = people[Random.Shared.Next(people.Count)].Id.ToString() }, cancellationToken: ct).ResponseAsync), ceiling);
        // A family name one person in twenty shares (the tracker's worst case), and one person's own address (its usual one).
        report.Add(await Run($"SearchPeople by family name, page of 50 ({options.Rows:N0} people)", callers, ct => queue.SearchPeopleAsync(
            new SearchPeopleRequest { Query = HistoricalRequests.FamilyNames[Random.Shared.Next(HistoricalRequests.FamilyNames.Length)], PageSize = 50 }, cancellationToken: ct).ResponseAsync), ceiling);
        report.Add(await Run($"SearchPeople by one person's e-mail ({options.Rows:N0} people)", callers, ct => queue.SearchPeopleAsync(
            new SearchPeopleRequest { Query = people[Random.Shared.Next(people.Count)].Email, PageSize = 50 }, cancellationToken: ct).ResponseAsync), ceiling);
    }
}

// Whole journeys through the gateway, each step as the one it belongs to.
async Task JourneysAsync()
{
    var hopsBeforeJourneys = await EventHops.ReadAsync(metrics);
    var journeys = await WholeJourneys.RunAsync(options.People, 8, () => platform.Driver(gatewayAsAgency, gatewayAsHmisTeam, gatewayAsLms));
    var hopsUnderJourneys = (await EventHops.ReadAsync(metrics)).Since(hopsBeforeJourneys);
    report.Add(journeys, null);
    report.Note(string.Create(CultureInfo.InvariantCulture,
        $"Whole journeys (submit → review → training → attempt → sign → confirm, through the gateway, 8 at a time): {journeys.Calls} of {options.People} completed, {journeys.Rate * 60:F1} people a minute; " +
        $"event hop meanwhile p50 {hopsUnderJourneys.Milliseconds(0.5):F1} ms, p99 {hopsUnderJourneys.Milliseconds(0.99):F1} ms over {hopsUnderJourneys.Count:F0} events."));
}

/// <summary>Unique people for each submission, so no call meets another's open request.</summary>
internal sealed class Submissions
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _next;

    public Func<CancellationToken, Task> Call(AccessRequests.AccessRequestsClient client, int people) => async ct =>
    {
        var n = Interlocked.Increment(ref _next);
        var request = new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Type = RequestType.NewAgencyUsers,
            AgencyId = JourneyDriver.LakeviewAgencyId,
            AtaId = JourneyDriver.LakeviewAtaId,
            Access = new Hmis.Common.V1.Access { Responsibilities = { Hmis.Common.V1.Responsibility.EnterClientData }, ProjectTypes = { Hmis.Common.V1.ProjectType.EmergencyShelter } },
        };
        for (var k = 0; k < people; k++)
        {
            request.Users.Add(new NewUser
            {
                GivenName = "Load", FamilyName = Letters(n * 10 + k), Email = $"load.{_run}.{n}.{k}@lakeview.example.org",
            });
        }
        await client.SubmitAccessRequestAsync(request, cancellationToken: ct);
    };

    /// <summary>A name from a number: names take letters only.</summary>
    public static string Letters(long n)
    {
        var letters = new List<char>();
        do
        {
            letters.Insert(0, (char)('a' + n % 26));
            n /= 26;
        }
        while (n > 0);
        return "Tester" + new string([.. letters]);
    }
}

internal sealed record LoadOptions(TimeSpan WarmUp, TimeSpan Measured, int Rows, int People, IReadOnlyList<int> Callers, string Output, IReadOnlySet<string> Only)
{
    /// <summary>Whether a part of the run (submit, reads, journeys) is to run: all of them unless --only names some.</summary>
    public bool Runs(string part) => Only.Count == 0 || Only.Contains(part);

    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var seconds = int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture);
        return new LoadOptions(
            TimeSpan.FromSeconds(Math.Max(1, seconds / 3)),
            TimeSpan.FromSeconds(seconds),
            int.Parse(Value("--rows") ?? "1000000", CultureInfo.InvariantCulture),
            int.Parse(Value("--people") ?? "40", CultureInfo.InvariantCulture),
            [.. (Value("--callers") ?? "1,4,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            Path.GetFullPath(Value("--out") ?? Path.Combine(RepositoryPaths.Root, "artifacts", "load")),
            (Value("--only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }
}

internal static class Build
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif
}

internal static class Machine
{
    public static string Cpu() => File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    public static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
}
