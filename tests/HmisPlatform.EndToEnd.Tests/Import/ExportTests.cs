using System.Net;
using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using HmisPlatform.Journeys;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests.Import;

/// <summary>
/// The HMIS Lead's reports as CSV through the gateway, as the API gives them (a bearer token) and the Reports page links
/// them: the access list, the journeys with stage times, the request and security audits, a quarter's statement.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ExportTests(PlatformFixture platform)
{
    [Fact]
    public async Task EachReport_DownloadsAsCsv_WithWhatHappened_AndOnlyToThoseAllowed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var imported = await new Credentials.CredentialsClient(platform.HmisTeamGateway).ImportAccountsAsync(new ImportAccountsRequest
        {
            Agencies = { new ImportAgency { AgencyId = JourneyDriver.LakeviewAgencyId, AgencyName = "Lakeview", EmailDomains = { "lakeview.example.org" } } },
            Accounts =
            {
                new AccountImportRow
                {
                    Line = 2, GivenName = "Export", FamilyName = "Checker", Email = $"export.{suffix}@lakeview.example.org", AgencyName = "lakeview",
                    HmisUsername = $"export{suffix}", Status = AccountStatus.Active, LastLoginOn = "2026-11-02", EuaSignedOn = "2025-05-05",
                    ProjectTypes = { ProjectType.Ssvf }, Responsibilities = { Responsibility.Reporting },
                },
            },
        });
        Assert.True(imported.Applied);
        var request = await platform.Driver().SubmitAsync("Exporta", $"Journey{suffix}");
        // Days are the Continuum's (Chicago); the platform's clock may be ahead of this one (the test clock), so no end day.
        var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime)
            .AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var quarter = (DateTime.UtcNow.Month - 1) / 3 + 1;

        var accounts = await CsvAsync(platform.HmisTeamToken, "/exports/active-accounts.csv");
        // The journey is recorded from the submission's event, a moment after the answer.
        var journeys = await Eventually.ReturnsAsync(() => CsvAsync(platform.HmisTeamToken, $"/exports/journeys.csv?from={since}"),
            lines => lines.Any(l => l.StartsWith(request.Id, StringComparison.Ordinal)));
        var audit = await CsvAsync(platform.HmisTeamToken, $"/exports/request-audit.csv?from={since}");
        var security = await CsvAsync(platform.HmisTeamToken, $"/exports/security-audit.csv?from={since}");
        var statement = await CsvAsync(platform.HmisTeamToken, $"/exports/credit-statement.csv?agency_id={JourneyDriver.LakeviewAgencyId}&year={DateTime.UtcNow.Year}&quarter={quarter}");

        Assert.StartsWith("agency_id,agency_name,username,full_name,email,project_types,last_login_at,agreement_version", accounts[0], StringComparison.Ordinal);
        Assert.Contains(accounts, l => l.Contains($"Lakeview Family Services,export{suffix},Export Checker,export.{suffix}@lakeview.example.org,SSVF,2026-11-02", StringComparison.Ordinal));
        Assert.Contains(journeys, l => l.StartsWith($"{request.Id},{request.Users[0].PersonId},{JourneyDriver.LakeviewAgencyId},Lakeview Family Services,NEW_AGENCY_USERS,", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains(request.Id, StringComparison.Ordinal));
        Assert.Contains(security, l => l.Contains(",token_issued,", StringComparison.Ordinal));
        Assert.StartsWith("agency_id,year,quarter,recorded_at,kind,credits", statement[0], StringComparison.Ordinal);
        Assert.Contains(statement, l => l.Contains(",TOTAL_CONSUMED,", StringComparison.Ordinal));

        // An agency's system reads its own access list, and neither the audits nor another agency's.
        var own = await CsvAsync(platform.AccessToken, "/exports/active-accounts.csv");
        Assert.All(own.Skip(1), l => Assert.StartsWith(JourneyDriver.LakeviewAgencyId, l, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(platform.AccessToken, $"/exports/request-audit.csv?from={since}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(platform.AccessToken, "/exports/security-audit.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(platform.AccessToken, $"/exports/active-accounts.csv?agency_id={Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(platform.HmisTeamToken, "/exports/journeys.csv?from=2026-12-31&to=2026-01-01"));
        // Without a token or a session, a browser is sent to sign in; nothing is exported.
        using var anonymous = await SendAsync(null, "/exports/active-accounts.csv");
        Assert.Equal("/account/sign-in", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private async Task<List<string>> CsvAsync(string token, string path)
    {
        using var response = await SendAsync(token, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    private async Task<HttpStatusCode> StatusAsync(string? token, string path)
    {
        using var response = await SendAsync(token, path);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(string? token, string path)
    {
        using var http = platform.App.CreateHttpClient(ResourceNames.Gateway, "http");
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await http.SendAsync(message);
    }
}
