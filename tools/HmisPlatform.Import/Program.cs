using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Net.Client;
using Hmis.Credentialing.V1;
using Hmis.Gateway.V1;
using Hmis.Requests.V1;
using HmisPlatform.Import;

return await ImportCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

namespace HmisPlatform.Import
{
    /// <summary>
    /// <c>./platform.sh import FOLDER [--dry-run] [--skip-bad-rows] [--gateway URL] [--grpc URL]</c>. Exit codes: 0 done
    /// (or a dry run with nothing refused), 2 rows refused (nothing imported, unless --skip-bad-rows), 1 usage, 3 the
    /// gateway refused or could not be reached.
    /// </summary>
    public static class ImportCommand
    {
        public const string ClientIdVariable = "HMIS_IMPORT_CLIENT_ID";
        public const string ClientSecretVariable = "HMIS_IMPORT_CLIENT_SECRET";
        // The demo HMIS-team client a Development run registers (README, "Demo clients").
        private const string DemoClientId = "hmis-review-desk";
        private const string DemoClientSecret = "hmis-review-demo-secret";

        private const string Usage = """
            Usage: ./platform.sh import FOLDER [--dry-run] [--skip-bad-rows] [--gateway URL] [--grpc URL]
              FOLDER           holds agencies.csv, administrators.csv, users.csv, lms.csv (docs/import.md)
              --dry-run        check every row and print what would happen; change nothing
              --skip-bad-rows  import the good rows of files that have refused ones
              --gateway URL    the gateway's HTTP address, for the token (default http://localhost:5080)
              --grpc URL       the gateway's gRPC address (default http://localhost:5081)
            The HMIS team's client: HMIS_IMPORT_CLIENT_ID and HMIS_IMPORT_CLIENT_SECRET; without them, the demo client of a
            Development run.
            """;

        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
        {
            string? folder = null;
            var (dryRun, skip, gateway, grpc) = (false, false, "http://localhost:5080", "http://localhost:5081");
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--dry-run": dryRun = true; break;
                    case "--skip-bad-rows": skip = true; break;
                    case "--gateway" when i + 1 < args.Length: gateway = args[++i]; break;
                    case "--grpc" when i + 1 < args.Length: grpc = args[++i]; break;
                    case "-h" or "--help": await output.WriteLineAsync(Usage); return 0;
                    case var a when !a.StartsWith('-') && folder is null: folder = a; break;
                    default: await errors.WriteLineAsync(Usage); return 1;
                }
            }
            if (folder is null || !Directory.Exists(folder))
            {
                await errors.WriteLineAsync(folder is null ? Usage : $"No such folder: {folder}");
                return 1;
            }
            var clientId = Environment.GetEnvironmentVariable(ClientIdVariable);
            var secret = Environment.GetEnvironmentVariable(ClientSecretVariable);
            if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            {
                (clientId, secret) = (DemoClientId, DemoClientSecret);
                await output.WriteLineAsync($"Importing as the demo HMIS-team client ({DemoClientId}); set {ClientIdVariable} and {ClientSecretVariable} for another.");
            }
            try
            {
                var token = await TokenAsync(new Uri(gateway), clientId, secret, cancellationToken);
                using var channel = Channel(new Uri(grpc), token);
                var clients = new ImportClients(new Agencies.AgenciesClient(channel), new StaffAccounts.StaffAccountsClient(channel),
                    new Credentials.CredentialsClient(channel), new LicenseCredits.LicenseCreditsClient(channel), new Hmis.Training.V1.Training.TrainingClient(channel));
                var bar = new ProgressBar(output);
                var report = await new GoLiveImport(clients, bar.Show).RunAsync(folder, dryRun, skip, cancellationToken);
                bar.Done();
                await PrintAsync(report, dryRun, skip, output);
                await clients.StaffAccounts.RecordImportRunAsync(new RecordImportRunRequest
                {
                    DryRun = !report.Applied,
                    SkippedBadRows = skip,
                    Files =
                    {
                        report.FileNames.Select(f => (File: f, Counts: report.CountsOf(f))).Select(f => new ImportFileSummary
                        {
                            File = f.File, New = f.Counts.New, Updated = f.Counts.Updated, Unchanged = f.Counts.Unchanged, Refused = f.Counts.Refused,
                        }),
                    },
                }, cancellationToken: cancellationToken);
                return report.Problems.Count > 0 && !(skip && report.Applied) ? 2 : 0;
            }
            catch (RpcException e)
            {
                await errors.WriteLineAsync($"The gateway refused the import: {e.StatusCode}: {e.Status.Detail}");
                return 3;
            }
            catch (HttpRequestException e)
            {
                await errors.WriteLineAsync($"The gateway could not be reached or refused the client: {e.Message}");
                return 3;
            }
        }

        private static async Task PrintAsync(ImportReport report, bool dryRun, bool skip, TextWriter output)
        {
            var refused = report.Problems.Count > 0;
            await output.WriteLineAsync(report.Applied ? "Imported:"
                : dryRun ? "Dry run, nothing changed. What the import would do:"
                : "Nothing imported: rows are refused (fix them, or run with --skip-bad-rows to import the rest). What the import would do:");
            foreach (var file in ImportFiles.Columns.Keys.Where(report.FileNames.Contains))
            {
                await output.WriteLineAsync($"  {file,-20} {report.CountsOf(file)}");
            }
            if (refused)
            {
                await output.WriteLineAsync(report.Applied && skip ? "Refused and skipped:" : "Refused:");
                foreach (var problem in report.Problems.OrderBy(p => Array.IndexOf([.. ImportFiles.Columns.Keys], p.File)).ThenBy(p => p.Line))
                {
                    await output.WriteLineAsync($"  {problem}");
                }
            }
        }

        private static async Task<string> TokenAsync(Uri gateway, string clientId, string secret, CancellationToken cancellationToken)
        {
            using var http = new HttpClient { BaseAddress = gateway };
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = secret,
                ["scope"] = $"{PlatformScopes.DataImport} {PlatformScopes.RequestsRead}",
            }), cancellationToken);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new HttpRequestException($"the token endpoint refused client {clientId} ({(int)response.StatusCode}): is it the HMIS team's, with the import scope?");
            }
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken))?.AccessToken
                ?? throw new HttpRequestException("the token endpoint answered without a token");
        }

        /// <summary>The token rides every call; over plain HTTP only to this machine's own gateway.</summary>
        private static GrpcChannel Channel(Uri address, string token) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("Authorization", $"Bearer {token}");
                    return Task.CompletedTask;
                })),
            UnsafeUseInsecureChannelCallCredentials = address.IsLoopback,
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });

        private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
    }

    /// <summary>The scopes the import asks for, as the platform names them (ServiceDefaults/PlatformIdentity.cs).</summary>
    internal static class PlatformScopes
    {
        public const string DataImport = "data.import";
        public const string RequestsRead = "requests.read";
    }

    /// <summary>A one-line progress bar on a terminal; nothing when the output is a file or a pipe.</summary>
    public sealed class ProgressBar(TextWriter output)
    {
        private readonly bool _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        private bool _shown;

        public void Show(string file, int done, int total)
        {
            if (!_terminal || total == 0)
            {
                return;
            }
            const int width = 30;
            var filled = (int)Math.Round(width * (double)done / total);
            output.Write($"\r  {file,-20} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}   ");
            _shown = true;
        }

        public void Done()
        {
            if (_shown)
            {
                output.WriteLine();
            }
        }
    }
}
