using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Web;

namespace HmisPlatform.Testing;

/// <summary>
/// An agency's system getting a signed-in person's own token, as a real client does: OAuth 2.0 authorization code with
/// PKCE (S256) at the gateway, the person consenting on the gateway's page in their browser session.
/// </summary>
public static partial class PersonAuthorization
{
    /// <summary>Runs the whole flow for a browser already signed in as the person; returns the person's access token.</summary>
    public static async Task<string> TokenThroughClientAsync(
        StaffBrowser person, string clientId, string clientSecret, Uri redirectUri, IEnumerable<string> scopes, bool allow = true)
    {
        var (response, verifier, state) = await ConsentAsync(person, clientId, redirectUri, scopes, allow);
        using (response)
        {
            var back = response.Headers.Location ?? throw new InvalidOperationException($"No redirect after consent: {(int)response.StatusCode}.");
            var query = HttpUtility.ParseQueryString(back.Query);
            if (query["state"] != state)
            {
                throw new InvalidOperationException("The state did not come back.");
            }
            var code = query["code"] ?? throw new UnauthorizedAccessException($"No code: {query["error"]} {query["error_description"]}");
            using var token = await person.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri.AbsoluteUri,
                ["code_verifier"] = verifier,
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
            }));
            var body = await token.Content.ReadAsStringAsync();
            if (!token.IsSuccessStatusCode)
            {
                throw new UnauthorizedAccessException($"The code was refused: {body}");
            }
            return (await token.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        }
    }

    /// <summary>Asks for authorization and answers the consent page; returns the redirect back to the client.</summary>
    public static async Task<(HttpResponseMessage Response, string Verifier, string State)> ConsentAsync(
        StaffBrowser person, string clientId, Uri redirectUri, IEnumerable<string> scopes, bool allow)
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri.AbsoluteUri, ["scope"] = string.Join(' ', scopes),
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = state,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        using var page = await person.GetAsync(authorize);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return (page, verifier, state);
        }
        var fields = HiddenField().Matches(person.Page)
            .Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(f => f.Item1 != "__RequestVerificationToken");
        var answer = await person.PostFormAsync("/connect/authorize", [.. fields, ("decision", allow ? "allow" : "deny")]);
        return (answer, verifier, state);
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" ?/?>")]
    private static partial Regex HiddenField();
}
