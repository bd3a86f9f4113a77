using Microsoft.Playwright;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (launched by its executable path: Playwright's own browser download cannot
/// work here), one fresh context per person, with a screenshot of each step saved under artifacts/screenshots.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string Screenshots { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _gateway;

    private Browser(IPlaywright playwright, IBrowser browser, Uri gateway) => (_playwright, _browser, _gateway) = (playwright, browser, gateway);

    public static async Task<Browser> LaunchAsync(Uri gateway)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new Browser(playwright, browser, gateway);
    }

    /// <summary>A new person at the browser, on a narrow or wide screen.</summary>
    public async Task<IPage> NewPageAsync(bool narrow = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _gateway.ToString(),
            ViewportSize = narrow ? new ViewportSize { Width = 420, Height = 900 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password, string? authenticatorKey = null)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Work e-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The person's app, when the test did not bring its own key (the demo ATAs', or one set up with an invitation).
        authenticatorKey ??= Authenticators.KeyOf(email);
        if (authenticatorKey is not null)
        {
            await page.GetByLabel("The 6-digit code from your authenticator app").FillAsync(await Authenticators.NextCodeAsync(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        }
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Waits until the page's interactive circuit is up, so clicks reach the server.</summary>
    public static Task InteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('main h1') !== null");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
