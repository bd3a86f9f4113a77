using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using HmisPlatform.Testing;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (launched by its executable path: Playwright's own browser download cannot
/// work here), one fresh context per person, with a screenshot of each step saved under artifacts/screenshots, and
/// each page so shown checked by axe-core.
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

    /// <summary>A new person at the browser, on a phone's screen (390 px) or a desk's.</summary>
    public async Task<IPage> NewPageAsync(bool narrow = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _gateway.ToString(),
            ViewportSize = narrow ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Every script error the person's browser meets, checked with each screenshot.
        var errors = ScriptErrors.GetOrCreateValue(page);
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            // A resource that failed is reported with its address below.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, System.Collections.Concurrent.ConcurrentBag<string>> ScriptErrors = [];

    /// <summary>
    /// The sessions of the people tests signed in, by e-mail: a test that needs someone signed in takes up their session,
    /// as the person would keep their browser signed in, instead of signing in again. Each authenticator code works once,
    /// so one person can sign in afresh only once per 30-second step: signing in for every test made them wait minutes
    /// in all. A session that has ended (signed out, or replaced by the person's sign-in elsewhere) is noticed, and the
    /// person signs in afresh.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cookie>> Sessions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The person signed in at this page, on their own work's page: by their session if they have one still open, or
    /// through the sign-in form (<paramref name="fresh"/>: always the form, for tests of signing in itself).
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password, string? authenticatorKey = null, bool fresh = false)
    {
        if (!fresh && Sessions.TryGetValue(email, out var cookies))
        {
            await page.Context.AddCookiesAsync(cookies);
            // Signed in still: the session answers; signed out, it sends the browser to the sign-in form.
            var session = await page.APIRequest.GetAsync("/account/session", new() { MaxRedirects = 0 });
            if (session.Ok)
            {
                // The front page sends a signed-in person on to their own work.
                await page.GotoAsync("/");
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/");
                return;
            }
            await page.Context.ClearCookiesAsync();
        }
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
        Sessions[email] = [.. (await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
            HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        })];
    }

    /// <summary>Waits until the page's interactive circuit is up, so clicks reach the server.</summary>
    public static Task InteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('main h1') !== null");

    /// <summary>Saves the page as the person sees it, then checks it with axe-core (no accessibility violation at all) and for script errors.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        // The layout scrolls inside its content area, not the document: the window grows to the content for the picture.
        var size = page.ViewportSize!;
        var height = await page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('body *')].map(e => e.scrollHeight))");
        await page.SetViewportSizeAsync(size.Width, Math.Clamp(height + 48, size.Height, 6000));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png") });
        await page.SetViewportSizeAsync(size.Width, size.Height);
        await AssertAccessibleAsync(page, name);
    }

    /// <summary>
    /// Runs axe-core (WCAG 2.1 A and AA rules and best practice) on the page as it is now, and checks that the page met
    /// no script error so far.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        if (ScriptErrors.TryGetValue(page, out var errors))
        {
            Assert.True(errors.IsEmpty, $"{name} ({page.Url}) met script errors: {string.Join(" | ", errors)}");
        }
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, $"{name} ({page.Url}): " + string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>The page fits a phone's width: nothing makes it scroll sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth && document.querySelector('main').scrollWidth <= document.querySelector('main').clientWidth + 1"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px.");

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
