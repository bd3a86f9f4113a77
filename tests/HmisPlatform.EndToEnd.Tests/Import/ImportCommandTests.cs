using System.Diagnostics;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using HmisPlatform.Journeys;
using HmisPlatform.Testing;
using Xunit.Abstractions;

namespace HmisPlatform.EndToEnd.Tests.Import;

/// <summary>
/// The go-live import end to end: the command (the tool <c>./platform.sh import</c> runs) reads a generated Continuum
/// of 89 agencies and 900 users and imports it through the gateway as the HMIS team; a second run changes nothing;
/// the imported people's history then decides their form; a file with bad rows imports nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ImportCommandTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task GeneratedContinuum_ImportsOnce_SecondRunUnchanged_AndReturningUsersAreRecognised()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var continuum = new GeneratedContinuum(agencies: 89, users: 899, today);
        var returning = continuum.Agencies[0];
        var folder = Directory.CreateTempSubdirectory("hmis-import-").FullName;
        try
        {
            // A person who left an agency two months ago: their history must send them to RETURNING_USER.
            continuum.WriteTo(folder, [GeneratedContinuum.Csv("Morgan", "Returnee", $"mreturnee@{returning.Domain}", returning.Name, "mreturnee", "REMOVED",
                GeneratedContinuum.Day(today.AddMonths(-2)), "EMERGENCY_SHELTER", "ENTER_CLIENT_DATA", GeneratedContinuum.Day(today.AddMonths(-14)))]);

            var dryRun = await RunAsync(folder, "--dry-run");
            Assert.True(dryRun.ExitCode == 0, dryRun.Output);
            Assert.Contains("agencies.csv         89 new, 0 updated, 0 unchanged, 0 refused", dryRun.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(await AgencyNamesAsync(), name => name == returning.Name);

            var watch = Stopwatch.StartNew();
            var first = await RunAsync(folder);
            output.WriteLine($"First import of 89 agencies, 178 administrators, 900 users, 1,800 LMS records: {watch.Elapsed.TotalSeconds:F1} s");
            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Contains("agencies.csv         89 new, 0 updated, 0 unchanged, 0 refused", first.Output, StringComparison.Ordinal);
            Assert.Contains("administrators.csv   178 new, 0 updated, 0 unchanged, 0 refused", first.Output, StringComparison.Ordinal);
            Assert.Contains("users.csv            900 new, 0 updated, 0 unchanged, 0 refused", first.Output, StringComparison.Ordinal);
            Assert.Contains("lms.csv              1798 new, 0 updated, 0 unchanged, 0 refused", first.Output, StringComparison.Ordinal);

            watch.Restart();
            var second = await RunAsync(folder);
            output.WriteLine($"Second run: {watch.Elapsed.TotalSeconds:F1} s");
            Assert.True(second.ExitCode == 0, second.Output);
            Assert.Contains("agencies.csv         0 new, 0 updated, 89 unchanged, 0 refused", second.Output, StringComparison.Ordinal);
            Assert.Contains("administrators.csv   0 new, 0 updated, 178 unchanged, 0 refused", second.Output, StringComparison.Ordinal);
            Assert.Contains("users.csv            0 new, 0 updated, 900 unchanged, 0 refused", second.Output, StringComparison.Ordinal);
            Assert.Contains("lms.csv              0 new, 0 updated, 1798 unchanged, 0 refused", second.Output, StringComparison.Ordinal);

            // Each run's summary is in the security audit, by file.
            using (var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http"))
            {
                using var audit = new HttpRequestMessage(HttpMethod.Get, "/exports/security-audit.csv");
                audit.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", platform.HmisTeamToken);
                var lines = (await (await http.SendAsync(audit)).Content.ReadAsStringAsync()).Split("\r\n");
                Assert.Contains(lines, l => l.Contains(",data_import_checked,", StringComparison.Ordinal) && l.Contains("agencies.csv: 89 new", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.Contains(",data_imported,", StringComparison.Ordinal) && l.Contains("users.csv: 900 new, 0 updated", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.Contains(",data_imported,", StringComparison.Ordinal) && l.Contains("users.csv: 0 new, 0 updated, 900 unchanged", StringComparison.Ordinal));
            }

            // The imported agency's balance and accounts are there as the files stated them.
            var agencyId = (await new Agencies.AgenciesClient(platform.HmisTeamGateway).ListAgenciesAsync(new ListAgenciesRequest())).Agencies.Single(a => a.Name == returning.Name).Id;
            var balance = await new LicenseCredits.LicenseCreditsClient(platform.HmisTeamGateway).GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = agencyId });
            Assert.Equal(returning.Credits, balance.Balance.Available);
            var found = await new Credentials.CredentialsClient(platform.HmisTeamGateway).FindPersonAccessAsync(new FindPersonAccessRequest { Username = "mreturnee" });
            Assert.Equal((AccountStatus.Removed, RemovalReason.BeforeGoLive), (Assert.Single(found.Accounts).Status, found.Accounts[0].RemovalReason));

            // Lakeview's ATA asks for the person as new; their imported history names the right form.
            var refused = await RpcErrors.CatchAsync(() => new AccessRequests.AccessRequestsClient(platform.Gateway).SubmitAccessRequestAsync(new SubmitAccessRequestRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Type = RequestType.NewAgencyUsers,
                AgencyId = JourneyDriver.LakeviewAgencyId,
                AtaId = JourneyDriver.LakeviewAtaId,
                Users = { new NewUser { GivenName = "Morgan", FamilyName = "Returnee", Email = "morgan.returnee@lakeview.example.org", HmisUsername = "mreturnee" } },
                Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
            }).ResponseAsync);
            Assert.Equal((StatusCode.FailedPrecondition, "WRONG_REQUEST_TYPE"), (refused.StatusCode, refused.Reason()));
            Assert.Equal("REQUEST_TYPE_RETURNING_USER", Assert.Single(refused.PreconditionViolations()).Type);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task FileWithBadRows_ImportsNothing_AndNamesEachByFileLineAndColumn()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var continuum = new GeneratedContinuum(agencies: 2, users: 4, today, seed: 7, domainStem: "badrows");
        var folder = Directory.CreateTempSubdirectory("hmis-import-bad-").FullName;
        try
        {
            var agency = continuum.Agencies[1].Name;
            continuum.WriteTo(folder,
            [
                GeneratedContinuum.Csv("Pat", "Personal", "pat.personal@gmail.com", agency, "ppersonal", "ACTIVE", GeneratedContinuum.Day(today), "SSVF", "REPORTING", GeneratedContinuum.Day(today)),
                GeneratedContinuum.Csv("Flo", "Future", $"ffuture@{continuum.Agencies[1].Domain}", agency, "ffuture", "ACTIVE", GeneratedContinuum.Day(today.AddDays(30)), "SSVF", "REPORTING", GeneratedContinuum.Day(today)),
                GeneratedContinuum.Csv("Una", "Known", $"uknown@{continuum.Agencies[1].Domain}", "No Such Agency", "uknown", "ACTIVE", GeneratedContinuum.Day(today), "SSVF", "REPORTING", GeneratedContinuum.Day(today)),
                GeneratedContinuum.Csv("Dee", "Duplicate", $"dduplicate@{continuum.Agencies[1].Domain}", agency, continuum.Users[0].Username, "ACTIVE", GeneratedContinuum.Day(today), "SSVF", "REPORTING", GeneratedContinuum.Day(today)),
            ]);

            var run = await RunAsync(folder);

            Assert.True(run.ExitCode == 2, run.Output);
            Assert.Contains("Nothing imported", run.Output, StringComparison.Ordinal);
            Assert.Contains("users.csv line 6, column email: a personal e-mail; the account's e-mail is the agency's (PERSONAL_EMAIL)", run.Output, StringComparison.Ordinal);
            Assert.Contains("users.csv line 7, column last_login_on: a date in the future (DATE_IN_FUTURE)", run.Output, StringComparison.Ordinal);
            Assert.Contains("users.csv line 8, column agency_name:", run.Output, StringComparison.Ordinal);
            Assert.Contains("(UNKNOWN_AGENCY)", run.Output, StringComparison.Ordinal);
            Assert.Contains("users.csv line 9, column hmis_username: on an earlier line too (DUPLICATE_USERNAME)", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(await AgencyNamesAsync(), name => name == agency);
            var account = await new Credentials.CredentialsClient(platform.HmisTeamGateway).FindPersonAccessAsync(new FindPersonAccessRequest { Username = continuum.Users[1].Username });
            Assert.Empty(account.Accounts);

            // Told to skip them, it imports the good rows and names the bad ones again.
            var skipped = await RunAsync(folder, "--skip-bad-rows");
            Assert.True(skipped.ExitCode == 0, skipped.Output);
            Assert.Contains("users.csv            4 new, 0 updated, 0 unchanged, 4 refused", skipped.Output, StringComparison.Ordinal);
            Assert.Contains("Refused and skipped:", skipped.Output, StringComparison.Ordinal);
            Assert.Contains("users.csv line 6, column email:", skipped.Output, StringComparison.Ordinal);
            var credentials = new Credentials.CredentialsClient(platform.HmisTeamGateway);
            Assert.Single((await credentials.FindPersonAccessAsync(new FindPersonAccessRequest { Username = continuum.Users[1].Username })).Accounts);
            Assert.Empty((await credentials.FindPersonAccessAsync(new FindPersonAccessRequest { Username = "ffuture" })).Accounts);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SampleFiles_PassTheDryRunWithNothingRefused()
    {
        var run = await RunAsync(Path.Combine(RepositoryRoot(), "docs", "samples"), "--dry-run");

        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var file in new[] { "agencies.csv", "administrators.csv", "users.csv", "lms.csv" })
        {
            Assert.Matches($@"{file}\s+\d+ new, 0 updated, 0 unchanged, 0 refused", run.Output);
        }
    }

    private async Task<List<string>> AgencyNamesAsync() =>
        [.. (await new Agencies.AgenciesClient(platform.HmisTeamGateway).ListAgenciesAsync(new ListAgenciesRequest())).Agencies.Select(a => a.Name)];

    /// <summary>Runs the import tool as <c>./platform.sh import</c> does (the built tool, in this build's configuration), against this platform's gateway.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] options)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var tool = Path.Combine(RepositoryRoot(), "tools", "HmisPlatform.Import", "bin", configuration, "net10.0", "HmisPlatform.Import.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, folder, "--gateway", platform.GatewayHttp.ToString(), "--grpc",
                     platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.GrpcEndpoint).ToString() }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var text = await stdout + await stderr;
        output.WriteLine(text);
        return (process.ExitCode, text);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HmisPlatform.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}
