using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Google.Rpc;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.EndToEnd.Tests.Simulation;
using HmisPlatform.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// Faults while agency systems keep submitting through the gateway: every database connection severed, Postgres
/// restarted, Redis away for 30 seconds, a service killed. During the fault a caller is told UNAVAILABLE (retryable, with RetryInfo), never
/// INTERNAL; retrying a call with its request_id afterwards makes it once; and when the fault is over, every outbox is
/// drained and no event was dead-lettered.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FaultTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>The databases with an outbox and an inbox: every service's (the gateway publishes no events).</summary>
    private static readonly string[] Databases =
        [ResourceNames.RequestsDb, ResourceNames.TrainingDb, ResourceNames.AssessmentDb, ResourceNames.CredentialingDb, ResourceNames.NotificationsDb];

    [Fact]
    public async Task EveryDatabaseConnectionSevered_UnderLoad_CallersSeeOnlyUnavailable_AndRetriesMakeEachRequestOnce()
    {
        var outcomes = await UnderLoadAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await TerminateServiceConnectionsAsync();
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        });

        await AssertRecoveredAsync(outcomes);
    }

    [Fact]
    public async Task PostgresRestarted_UnderLoad_CallersSeeOnlyUnavailable_AndEverythingIsDeliveredAfterwards()
    {
        var outcomes = await UnderLoadAsync(async () =>
        {
            await platform.StopResourceAsync(ResourceNames.Postgres);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await platform.StartResourceAsync(ResourceNames.Postgres);
        });

        await AssertRecoveredAsync(outcomes);
    }

    [Fact]
    public async Task RedisStoppedForThirtySeconds_UnderLoad_CallersSeeOnlyUnavailable_AndEveryEventIsDeliveredOnceItIsBack()
    {
        var outcomes = await UnderLoadAsync(async () =>
        {
            await platform.StopRedisAsync();
            await Task.Delay(TimeSpan.FromSeconds(30));
            await platform.StartRedisAsync();
        });

        await AssertRecoveredAsync(outcomes);
    }

    [Fact]
    public async Task CredentialingKilled_UnderLoad_SubmitsWaitOrSeeOnlyUnavailable_AndSucceedOnceItIsBack()
    {
        var outcomes = await UnderLoadAsync(async () =>
        {
            await platform.CrashResourceAsync(ResourceNames.CredentialingApi);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await platform.StartResourceAsync(ResourceNames.CredentialingApi);
        });

        await AssertRecoveredAsync(outcomes);
    }

    /// <summary>A submission and how it ended: its answer, or the error its caller saw.</summary>
    private sealed record Outcome(SubmitAccessRequestRequest Request, Hmis.Requests.V1.AccessRequest? Answer, RpcException? Failure);

    /// <summary>Four callers submit for two seconds, through the fault, and for two seconds after it.</summary>
    private async Task<IReadOnlyList<Outcome>> UnderLoadAsync(Func<Task> fault)
    {
        var agency = await OwnAgencyAsync();
        var outcomes = new ConcurrentBag<Outcome>();
        using var stop = new CancellationTokenSource();
        var requests = new AccessRequests.AccessRequestsClient(platform.HmisTeamGateway);
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var request = Submission(agency);
                try
                {
                    outcomes.Add(new Outcome(request, (await requests.SubmitAccessRequestAsync(request)).AccessRequest, null));
                }
                catch (RpcException ex)
                {
                    outcomes.Add(new Outcome(request, null, ex));
                    await Task.Delay(100);
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await fault();
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway).WaitAsync(TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(callers);
        var failures = outcomes.Where(o => o.Failure is not null).ToList();
        output.WriteLine($"{outcomes.Count} submissions, {failures.Count} failed: " +
            string.Join("; ", failures.GroupBy(f => $"{f.Failure!.StatusCode} {f.Failure.Reason()}").Select(g => $"{g.Count()}× {g.Key}")));
        return [.. outcomes];
    }

    /// <summary>
    /// No caller saw anything but UNAVAILABLE with a retry delay; each failed call retried with its request_id now makes
    /// its request, and again answers the same one; the outboxes are drained and nothing was dead-lettered.
    /// </summary>
    private async Task AssertRecoveredAsync(IReadOnlyList<Outcome> outcomes)
    {
        Assert.Contains(outcomes, o => o.Answer is not null);
        Assert.All(outcomes.Where(o => o.Failure is not null), o =>
        {
            Assert.Equal(StatusCode.Unavailable, o.Failure!.StatusCode);
            Assert.NotNull(o.Failure.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>());
        });
        var requests = new AccessRequests.AccessRequestsClient(platform.HmisTeamGateway);
        foreach (var failed in outcomes.Where(o => o.Failure is not null))
        {
            var first = (await Eventually.ReturnsAsync(() => RetryAsync(requests, failed.Request), a => a is not null, TimeSpan.FromSeconds(30)))!;
            var again = await requests.SubmitAccessRequestAsync(failed.Request);
            Assert.Equal(first.Id, again.AccessRequest.Id);
        }
        foreach (var succeeded in outcomes.Where(o => o.Answer is not null))
        {
            var stored = await requests.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = succeeded.Answer!.Id });
            Assert.Equal(succeeded.Request.Users[0].Email, stored.AccessRequest.Users.Single().Email);
        }
        foreach (var database in Databases)
        {
            Assert.Equal(0L, await Eventually.ReturnsAsync(
                () => CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND occurred_at < now() - interval '30 seconds'"),
                n => n == 0, TimeSpan.FromSeconds(60)));
            Assert.Equal(0L, await CountAsync(database, "SELECT count(*) FROM dead_letters"));
        }
    }

    private static async Task<Hmis.Requests.V1.AccessRequest?> RetryAsync(AccessRequests.AccessRequestsClient requests, SubmitAccessRequestRequest request)
    {
        try
        {
            return (await requests.SubmitAccessRequestAsync(request)).AccessRequest;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
        {
            return null;
        }
    }

    /// <summary>
    /// An agency of these tests' own, made once through the API as the HMIS team would (again if making it failed):
    /// thousands of open requests of theirs stay off the demo agencies the other tests look at.
    /// </summary>
    private Task<SimulatedAgency> OwnAgencyAsync()
    {
        lock (AgencyGate)
        {
            if (_agency is null || _agency.IsFaulted)
            {
                _agency = SimulatedAgency.CreateAsync(new SimulatedPlatform(platform), "Faults");
            }
            return _agency;
        }
    }

    private static Task<SimulatedAgency>? _agency;
    private static readonly Lock AgencyGate = new();

    /// <summary>A new user for the agency, submitted by the HMIS team naming the agency's ATA.</summary>
    private static SubmitAccessRequestRequest Submission(SimulatedAgency agency)
    {
        var name = $"Fault{Guid.NewGuid():N}"[..20];
        return new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Type = RequestType.NewAgencyUsers,
            AgencyId = agency.Id,
            AtaId = agency.AtaId,
            Users = { new NewUser { GivenName = "Riley", FamilyName = new string([.. name.Where(char.IsLetter)]), Email = agency.Email(name.ToLowerInvariant()) } },
            Access = new Hmis.Common.V1.Access { Responsibilities = { Hmis.Common.V1.Responsibility.EnterClientData }, ProjectTypes = { Hmis.Common.V1.ProjectType.EmergencyShelter } },
        };
    }

    /// <summary>Ends every connection the services and the gateway hold, as a network fault or a failover would.</summary>
    private async Task TerminateServiceConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(ResourceNames.RequestsDb));
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'", connection);
        output.WriteLine($"Severed {await terminate.ExecuteScalarAsync()} connections.");
    }

    private async Task<long> CountAsync(string database, string sql)
    {
        var owner = new NpgsqlConnectionStringBuilder(await platform.App.GetConnectionStringAsync(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(owner.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
