using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using HmisPlatform.Journeys;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HmisPlatform.EndToEnd.Tests.Import;

/// <summary>
/// The quarterly access review in the browser: the ATA confirms one user and removes another with a reason on My agency;
/// the HMIS team sees the review's counts on Reports, where the exports are linked.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReviewBrowserTests(PlatformFixture platform) : IAsyncLifetime
{
    private Browser _browser = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _browser = await Browser.LaunchAsync(platform.GatewayHttp);
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task TheAta_ConfirmsAndRemoves_OnMyAgency_AndTheHmisTeamSeesTheResultOnReports()
    {
        var suffix = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var imported = await new Credentials.CredentialsClient(platform.HmisTeamGateway).ImportAccountsAsync(new ImportAccountsRequest
        {
            Agencies = { new ImportAgency { AgencyId = JourneyDriver.LakeviewAgencyId, AgencyName = "Lakeview", EmailDomains = { "lakeview.example.org" } } },
            Accounts =
            {
                new[] { "Keeper", "Leaver" }.Select((family, i) => new AccountImportRow
                {
                    Line = i + 2, GivenName = "Rhea", FamilyName = family + suffix, Email = $"rhea.{family.ToLowerInvariant()}{suffix}@lakeview.example.org", AgencyName = "Lakeview",
                    HmisUsername = $"r{family.ToLowerInvariant()}{suffix}", Status = AccountStatus.Active, LastLoginOn = "2026-11-20", EuaSignedOn = "2025-04-01",
                    ProjectTypes = { ProjectType.EmergencyShelter }, Responsibilities = { Responsibility.EnterClientData },
                }),
            },
        });
        Assert.True(imported.Applied);
        // One review per quarter: a quarter of its own, far ahead, for this test.
        var (year, quarter) = (2050 + Random.Shared.Next(0, 50), Random.Shared.Next(1, 5));
        var review = (await new AccessReviews.AccessReviewsClient(platform.HmisTeamGateway).OpenAccessReviewAsync(new OpenAccessReviewRequest
        {
            RequestId = Guid.NewGuid().ToString(), Year = year, Quarter = quarter, AgencyIds = { JourneyDriver.LakeviewAgencyId },
            Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).Review;

        var ata = await _browser.NewPageAsync();
        await Browser.SignInAsync(ata, Demo.LakeviewAta, Demo.Password);
        await ata.GotoAsync("/agency");
        var keeper = ata.Locator($"#review-item-rkeeper{suffix}");
        var leaver = ata.Locator($"#review-item-rleaver{suffix}");
        await Expect(keeper).ToContainTextAsync($"Rhea Keeper{suffix}");
        // A removal without its reason is refused beside the field.
        await leaver.GetByRole(AriaRole.Button, new() { Name = "Remove access" }).ClickAsync();
        await Expect(leaver.Locator(".field-error")).ToBeVisibleAsync();
        await leaver.GetByLabel("Reason to remove").FillAsync("Left Lakeview in November.");
        await leaver.GetByRole(AriaRole.Button, new() { Name = "Remove access" }).ClickAsync();
        await Expect(leaver).ToHaveCountAsync(0);
        await keeper.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(keeper).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(ata, "30-ata-access-review");

        var decided = await new AccessReviews.AccessReviewsClient(platform.HmisTeamGateway).ListAccessReviewItemsAsync(new ListAccessReviewItemsRequest { ReviewId = review.Id });
        Assert.Equal(ReviewDecision.Removed, decided.Items.Single(i => i.Username == $"rleaver{suffix}").Decision);
        Assert.Equal("Left Lakeview in November.", decided.Items.Single(i => i.Username == $"rleaver{suffix}").Reason);
        Assert.Equal(ReviewDecision.Confirmed, decided.Items.Single(i => i.Username == $"rkeeper{suffix}").Decision);

        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        await hmis.GotoAsync("/reports");
        await Expect(hmis.Locator("#access-reviews")).ToContainTextAsync($"{year} Q{quarter}");
        await Expect(hmis.Locator("#export-active-accounts")).ToHaveAttributeAsync("href", "/exports/active-accounts.csv");
        await Browser.ScreenshotAsync(hmis, "31-hmis-reports");

        // An agency's quarter as a page to print: its totals and every ledger line.
        var now = DateTime.UtcNow;
        await hmis.GotoAsync($"/agencies/{JourneyDriver.LakeviewAgencyId}/statements/{now.Year}/{(now.Month - 1) / 3 + 1}");
        await Expect(hmis.Locator("#statement-agency")).ToHaveTextAsync("Lakeview Family Services");
        await Expect(hmis.Locator("#statement-amount")).ToContainTextAsync("a credit");
        await Browser.ScreenshotAsync(hmis, "32-printable-statement");
    }
}
