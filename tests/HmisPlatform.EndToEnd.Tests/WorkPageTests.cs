using Hmis.Requests.V1;
using HmisPlatform.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// Each role's own work in the browser, on Fluent UI: where a person lands when they sign in, the review desk and the
/// request page with who asks, My agency with people's names and whom each waits on, on a desk's screen and a phone's.
/// Every page is screenshotted and checked by axe-core (<see cref="Browser.ScreenshotAsync"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WorkPageTests(PlatformFixture platform) : IAsyncLifetime
{
    private Browser _browser = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _browser = await Browser.LaunchAsync(platform.GatewayHttp);
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Theory]
    [InlineData(Demo.HmisLead, Demo.HmisLeadKey, "/review", "Review desk")]
    [InlineData(Demo.CeCoordinator, Demo.CeCoordinatorKey, "/ce", "CE queue")]
    [InlineData(Demo.LakeviewAta, null, "/agency", "My agency")]
    [InlineData(Demo.LakeviewSupervisor, null, "/agency", "My agency")]
    public async Task SigningIn_LandsEachRoleOnItsOwnWork(string email, string? key, string landing, string heading)
    {
        var page = await _browser.NewPageAsync();

        await Browser.SignInAsync(page, email, Demo.Password, key);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landing);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        // Sign out sits in the header line, beside the person's role.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReviewDesk_ListsWhoAsksFromWhichAgency_AndTheRequestPageSaysWhoSubmitted()
    {
        var lakeview = platform.Driver();
        var submitted = (await lakeview.Requests.SubmitAccessRequestAsync(new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), Type = RequestType.NewAgencyUsers, AgencyId = JourneyDriver.LakeviewAgencyId, AtaId = JourneyDriver.LakeviewAtaId,
            Users =
            {
                new NewUser { GivenName = "Dana", FamilyName = "Whitfield", Email = "dana.whitfield@lakeview.example.org" },
                new NewUser { GivenName = "Omar", FamilyName = "Farouk", Email = "omar.farouk@lakeview.example.org" },
            },
            Access = new Hmis.Common.V1.Access { Responsibilities = { Hmis.Common.V1.Responsibility.EnterClientData }, ProjectTypes = { Hmis.Common.V1.ProjectType.EmergencyShelter } },
        })).AccessRequest;
        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);

        await hmis.GotoAsync("/review");
        var grid = hmis.GetByRole(AriaRole.Grid, new() { Name = "Review desk: requests waiting for a decision" });
        var firstRow = grid.Locator("tbody tr").First;
        await Expect(firstRow).ToBeVisibleAsync();
        // Each row names its people and its agency in words, and its status as a badge with words.
        await Expect(firstRow.Locator("td").Nth(1)).Not.ToBeEmptyAsync();
        await Expect(firstRow.Locator("td").Nth(2)).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-F]{8}$"));
        await Expect(firstRow.Locator("td").Nth(4)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Submitted|Awaiting CE decision"));
        await Browser.ScreenshotAsync(hmis, "19-hmis-review-desk");

        await hmis.GotoAsync($"/review/{submitted.Id}");
        await Expect(hmis.Locator("#request-agency")).ToContainTextAsync("Lakeview Family Services");
        await Expect(hmis.Locator("#request-agency")).ToContainTextAsync("APA current");
        await Expect(hmis.Locator("#request-submitter")).ToContainTextAsync("Alex Rivera (alex.rivera@lakeview.example.org)");
        await Expect(hmis.Locator("#request-status")).ToHaveTextAsync("Submitted");
        await Expect(hmis.Locator("#decision-order")).ToContainTextAsync("Step 1 of 2");
        await Expect(hmis.GetByText("dana.whitfield@lakeview.example.org")).ToBeVisibleAsync();
        await Expect(hmis.GetByText("omar.farouk@lakeview.example.org")).ToBeVisibleAsync();
        // The history says what happened in words, without the status machine's arrows.
        await Expect(hmis.Locator("ol.history li").First).Not.ToContainTextAsync("→");
        await Browser.ScreenshotAsync(hmis, "20-hmis-request-page");

        await hmis.GetByLabel("Confirm credit use").CheckAsync();
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(hmis.Locator("#decision-order")).ToContainTextAsync("Step 2 of 2");
        await Expect(hmis.GetByText("The request is now submitted.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MyAgency_NamesEachPersonOnTheirWay_AndWhomTheyWaitOn_OnAPhoneToo()
    {
        var lakeview = platform.Driver();
        var approved = await lakeview.SubmitAndApproveAsync("Priya", "Lindqvist");
        var personId = approved.Users[0].PersonId;
        await Eventually.ReturnsAsync(
            async () => (await lakeview.ReviewDesk.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.CurrentStage == JourneyStage.Training && j.GivenName == "Priya", TimeSpan.FromSeconds(60));
        var ata = await _browser.NewPageAsync();
        await Browser.SignInAsync(ata, Demo.LakeviewAta, Demo.Password);

        await ata.GotoAsync("/agency");
        var people = ata.GetByRole(AriaRole.Grid, new() { Name = "Your agency's people on their way and whom each waits on" });
        var person = people.GetByRole(AriaRole.Link, new() { Name = "Priya Lindqvist" });
        await Expect(person).ToBeVisibleAsync();
        var row = people.Locator("tr").Filter(new() { HasText = "Priya Lindqvist" });
        await Expect(row).ToContainTextAsync("Training");
        await Expect(row).ToContainTextAsync("The user");
        await Browser.ScreenshotAsync(ata, "21-ata-my-agency");

        var phone = await _browser.NewPageAsync(narrow: true);
        await Browser.SignInAsync(phone, Demo.LakeviewAta, Demo.Password);
        await phone.GotoAsync("/agency");
        await Expect(phone.GetByRole(AriaRole.Grid, new() { Name = "Your agency's people on their way and whom each waits on" })
            .GetByRole(AriaRole.Link, new() { Name = "Priya Lindqvist" })).ToBeVisibleAsync();
        await Browser.AssertNoSidewaysScrollAsync(phone);
        await Browser.ScreenshotAsync(phone, "22-ata-my-agency-phone");

        var hmis = await _browser.NewPageAsync(narrow: true);
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        await Expect(hmis.GetByRole(AriaRole.Heading, new() { Name = "Review desk", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertNoSidewaysScrollAsync(hmis);
        await Browser.ScreenshotAsync(hmis, "23-hmis-review-desk-phone");
    }
}
