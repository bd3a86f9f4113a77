using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HmisPlatform.Testing;

/// <summary>A person at a browser: reads each page's antiforgery token and posts its forms, keeping cookies.</summary>
public sealed partial class StaffBrowser(HttpClient browser) : IDisposable
{
    private string? _formToken;

    public HttpClient Http => browser;

    /// <summary>The last page's body.</summary>
    public string Page { get; private set; } = "";

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await browser.GetAsync(path);
        await RememberAsync(response);
        return response;
    }

    /// <summary>Posts a form of the current page with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        if (_formToken is not null)
        {
            values["__RequestVerificationToken"] = _formToken;
        }
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(values));
        await RememberAsync(response);
        return response;
    }

    /// <summary>
    /// Signs in; asked for the authenticator code, enters the next one when the person's app is known
    /// (<see cref="Authenticators"/>) unless <paramref name="enterCode"/> is false (the test enters its own).
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, bool enterCode = true)
    {
        await GetAsync("/account/sign-in");
        var response = await PostFormAsync("/account/sign-in", ("email", email), ("password", password));
        if (enterCode && Page.Contains(TwoFactorForm, StringComparison.Ordinal) && Authenticators.KeyOf(email) is { } key)
        {
            response.Dispose();
            response = await PostFormAsync(TwoFactorForm, ("code", await Authenticators.NextCodeAsync(key)));
        }
        return response;
    }

    /// <summary>
    /// The person behind an invitation link sets their password, and sets up the authenticator the page offers (then
    /// kept for their sign-ins). Returns the answer to the form.
    /// </summary>
    public async Task<HttpResponseMessage> SetPasswordAsync(string invitationPath, string email, string newPassword)
    {
        using var page = await GetAsync(invitationPath);
        var link = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://gateway"), invitationPath).Query);
        List<(string, string)> fields = [("user", link["user"]!), ("token", link["token"]!), ("newPassword", newPassword)];
        if (AuthenticatorKey is { } key)
        {
            Authenticators.Remember(email, key);
            fields.Add(("code", await Authenticators.NextCodeAsync(key)));
        }
        return await PostFormAsync("/account/set-password", [.. fields]);
    }

    private const string TwoFactorForm = "/account/sign-in/two-factor";

    /// <summary>Sends the session's antiforgery token with every later call, as a signed-in page does for API calls.</summary>
    public async Task SendAntiforgeryTokenAsync()
    {
        var antiforgery = (await browser.GetFromJsonAsync<JsonObject>("/account/antiforgery"))!;
        browser.DefaultRequestHeaders.Add(antiforgery["headerName"]!.GetValue<string>(), antiforgery["token"]!.GetValue<string>());
    }

    /// <summary>Whether the browser's session is signed in now.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var response = await browser.GetAsync("/account/session");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public string? AuthenticatorKey => AuthenticatorKeyPattern().Match(Page) is { Success: true } m ? m.Groups[1].Value : null;

    private async Task RememberAsync(HttpResponseMessage response)
    {
        Page = await response.Content.ReadAsStringAsync();
        if (FormTokenPattern().Match(Page) is { Success: true } match)
        {
            _formToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        }
    }

    public void Dispose() => browser.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("data-authenticator-key=\"([A-Z2-7]+)\"")]
    private static partial Regex AuthenticatorKeyPattern();
}
