using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using StackExchange.Redis;

namespace HmisPlatform.Testing;

/// <summary>
/// The real Postgres and Redis the integration tests run against: one pair per test process, started with the
/// AppHost's own local launch scripts on free loopback ports in a temporary folder, and stopped (folder removed)
/// when the process exits, or by a watcher just after when the process is killed. Set HMIS_TEST_POSTGRES and HMIS_TEST_REDIS to use servers that already run instead.
/// </summary>
public sealed class LocalServers
{
    private static readonly Lazy<Task<LocalServers>> Shared = new(StartAsync);

    private readonly List<Process> _processes = [];
    private readonly List<string> _output = [];
    private string? _directory;

    /// <summary>Connection string of the server, without a database.</summary>
    public string Postgres { get; private set; } = "";

    public string Redis { get; private set; } = "";

    public static Task<LocalServers> GetAsync() => Shared.Value;

    private static async Task<LocalServers> StartAsync()
    {
        var servers = new LocalServers();
        var postgres = Environment.GetEnvironmentVariable("HMIS_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("HMIS_TEST_REDIS");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(redis))
        {
            servers.Postgres = postgres;
            servers.Redis = redis;
            return servers;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => servers.Stop();
        try
        {
            await servers.LaunchAsync();
        }
        catch
        {
            // One server up and the other not (redis-server missing, say): stop the one now, not at exit.
            servers.Stop();
            throw;
        }
        return servers;
    }

    private async Task LaunchAsync()
    {
        _directory = Directory.CreateTempSubdirectory("hmis-tests-").FullName;
        // Postgres runs as its own user when the tests run as root: it must reach its data folder below this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
        }
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var postgresPort = FreePort.Next();
        var redisPort = FreePort.Next();
        Postgres = $"Host=127.0.0.1;Port={postgresPort};Username=hmis;Password={password}";
        Redis = $"127.0.0.1:{redisPort},password={password},abortConnect=false";

        Launch("postgres.sh", Path.Combine(_directory, "postgres"), postgresPort, "POSTGRES_PASSWORD", password);
        Launch("redis.sh", Path.Combine(_directory, "redis"), redisPort, "REDIS_PASSWORD", password);
        ServerFolders.RemoveAfter(Environment.ProcessId, _directory, [.. _processes.Select(p => p.Id)]);
        await WaitUntilAsync(async () =>
        {
            await using var connection = new NpgsqlConnection($"{Postgres};Database=postgres;Pooling=false;Timeout=2");
            await connection.OpenAsync();
        });
        await WaitUntilAsync(async () =>
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync($"{Redis.Replace("abortConnect=false", "abortConnect=true", StringComparison.Ordinal)},connectTimeout=2000");
            await connection.GetDatabase().PingAsync();
        });
    }

    private void Launch(string script, string dataDirectory, int port, string passwordVariable, string password)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.LocalScript(script));
        start.ArgumentList.Add(dataDirectory);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment[passwordVariable] = password;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start.");
        // Drain the servers' output so a full pipe never blocks them; keep it to explain a failed start.
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private void Remember(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private async Task WaitUntilAsync(Func<Task> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && _processes.All(p => !p.HasExited))
            {
                await Task.Delay(200);
            }
            catch (Exception ex)
            {
                lock (_output)
                {
                    throw new InvalidOperationException($"The test servers did not start:{Environment.NewLine}{string.Join(Environment.NewLine, _output.TakeLast(20))}", ex);
                }
            }
        }
    }

    private void Stop()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            // SIGINT is Postgres' fast shutdown and Redis' clean exit.
            using var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            signal.WaitForExit();
        }
        foreach (var process in _processes)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        if (_directory is not null)
        {
            TemporaryFolders.Delete(_directory);
        }
    }
}
