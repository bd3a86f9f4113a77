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

        await Browser.SignInAsync(page, email, Demo.Password, key, fresh: true);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landing);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        // Sign out sits in the header line, beside the person's role.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task APageOfAnotherRole_SaysSoInWords_AndLeadsToTheirOwnWork()
    {
        var ata = await _browser.NewPageAsync();
        await Browser.SignInAsync(ata, Demo.LakeviewAta, Demo.Password);

        await ata.GotoAsync("/review");

        await Expect(ata.GetByRole(AriaRole.Heading, new() { Name = "Not for your role", Level = 1 })).ToBeVisibleAsync();
        await Expect(ata.Locator(".not-for-role")).ToContainTextAsync("the ATA role");
        await Browser.ScreenshotAsync(ata, "25-ata-not-for-your-role");
        await ata.GetByRole(AriaRole.Link, new() { Name = "Go to your own work" }).ClickAsync();
        await Expect(ata.GetByRole(AriaRole.Heading, new() { Name = "My agency", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnASlowLink_TheFrameAndASkeletonShowAtOnce_AndGoOnceThePageIsUp()
    {
        var page = await _browser.NewPageAsync();
        await Browser.SignInAsync(page, Demo.LakeviewAta, Demo.Password);
        // The script that starts the page's connection arrives three seconds late.
        await page.RouteAsync("**/_framework/blazor.web.js", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            await route.ContinueAsync();
        });

        await page.GotoAsync("/agency", new() { WaitUntil = WaitUntilState.Commit });

        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Loading HmisPlatform" })).ToBeVisibleAsync(new() { Timeout = 2_500 });
        await Expect(page.Locator(".boot-frame .skeleton").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My agency", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".boot-frame")).ToBeHiddenAsync();
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
        await lakeview.SubmitAsync("Lena", "Marsh");
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
        await Expect(hmis.Locator("#queue-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ requests waiting\.$"));
        // Each form in the filter says how many wait on it.
        await Expect(hmis.Locator("fluent-option", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"New agency users \(\d+\)") })).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(hmis, "19-hmis-review-desk");

        // J and K move through the queue from the keyboard.
        var links = grid.Locator("a.queue-item");
        await hmis.Keyboard.PressAsync("j");
        await Expect(links.First).ToBeFocusedAsync();
        await hmis.Keyboard.PressAsync("j");
        await Expect(links.Nth(1)).ToBeFocusedAsync();
        await hmis.Keyboard.PressAsync("k");
        await Expect(links.First).ToBeFocusedAsync();

        // Sorted by Submitted the other way, the service gives the newest first: Lena's, submitted last.
        var submittedHeader = grid.Locator("th", new() { HasText = "Submitted" });
        await Expect(submittedHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        await submittedHeader.Locator("[col-sort-button]").ClickAsync();
        await Expect(submittedHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(firstRow.Locator("td").Nth(1)).ToHaveTextAsync("Lena Marsh");

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

        await hmis.GetByRole(AriaRole.Button, new() { Name = "Confirm credit use" }).ClickAsync();
        await Expect(hmis.Locator("#decision-order")).ToContainTextAsync("Step 2 of 2");
        await Expect(hmis.GetByText("The request is now submitted.")).ToBeVisibleAsync();

        // Denying sits apart and needs its reason: the service's refusal marks the field, and fixing it clears the mark.
        var denyReason = hmis.GetByLabel("Why it is denied", new() { Exact = false });
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Deny the request" }).ClickAsync();
        await Expect(hmis.Locator("#deny-reason-error")).ToBeVisibleAsync();
        await Expect(denyReason).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(hmis.Locator("#question-error")).ToHaveCountAsync(0);
        await denyReason.FillAsync("Both people already hold accounts at another agency.");
        await denyReason.PressAsync("Tab");
        await Expect(hmis.Locator("#deny-reason-error")).ToHaveCountAsync(0);
        await Expect(denyReason).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Deny the request" }).ClickAsync();
        await Expect(hmis.Locator("#request-status")).ToHaveTextAsync("Denied");
        await Expect(hmis.Locator("ol.history")).ToContainTextAsync("Both people already hold accounts at another agency.");
    }

    [Fact]
    public async Task GuidedRequest_NamesEveryWrongFieldOnTheFirstPress_TakesAPastedList_AndLinksTheRequest()
    {
        var ata = await _browser.NewPageAsync();
        await Browser.SignInAsync(ata, Demo.LakeviewAta, Demo.Password);
        await ata.GotoAsync("/requests/new");

        // Nothing filled in: one press names every field the service needs, each marked.
        await ata.GetByRole(AriaRole.Button, new() { Name = "Check the request" }).ClickAsync();
        foreach (var error in new[] { "#given-1-error", "#family-1-error", "#email-1-error", "#projects-error" })
        {
            await Expect(ata.Locator(error)).ToBeVisibleAsync();
        }
        await Expect(ata.Locator("#given-1")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.ScreenshotAsync(ata, "26-ata-guided-request-every-error");
        await ata.Locator("#given-1").FillAsync("Tomas");
        await ata.Locator("#given-1").PressAsync("Tab");
        await Expect(ata.Locator("#given-1-error")).ToHaveCountAsync(0);
        await Expect(ata.Locator("#family-1-error")).ToBeVisibleAsync();
        await ata.Locator("#family-1").FillAsync("Berg");
        await ata.Locator("#email-1").FillAsync("tomas.berg@lakeview.example.org");

        // The rest of the team from a spreadsheet; a line without an e-mail stays in the box, named.
        await ata.GetByText("Paste a list").ClickAsync();
        await ata.GetByLabel("One person per line").FillAsync("Ifeoma\tEze\tifeoma.eze@lakeview.example.org\nJun Park <jun.park@lakeview.example.org>\nSomeone Unknown");
        await ata.GetByRole(AriaRole.Button, new() { Name = "Add these people" }).ClickAsync();
        await Expect(ata.Locator("#paste-error")).ToContainTextAsync("Line 3 has no e-mail address");
        await Expect(ata.Locator("#email-3")).ToHaveValueAsync("jun.park@lakeview.example.org");
        await ata.GetByLabel("Emergency Shelter, Transitional Housing, Safe Haven").CheckAsync();
        await ata.GetByRole(AriaRole.Button, new() { Name = "Check the request" }).ClickAsync();
        await Expect(ata.GetByRole(AriaRole.Heading, new() { Name = "Form: New agency users" })).ToBeVisibleAsync();
        await Expect(ata.Locator(".fits li")).ToHaveCountAsync(3);
        await ata.GetByRole(AriaRole.Button, new() { Name = "Submit on the New agency users form" }).ClickAsync();

        await Expect(ata.Locator("#submitted")).ToContainTextAsync("Request submitted.");
        await Browser.ScreenshotAsync(ata, "24-ata-guided-request-submitted");
        await ata.Locator("#submitted").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Request [0-9A-F]{8}$") }).ClickAsync();
        await Expect(ata.GetByText("jun.park@lakeview.example.org")).ToBeVisibleAsync();
        await Expect(ata.GetByText("ifeoma.eze@lakeview.example.org")).ToBeVisibleAsync();
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
