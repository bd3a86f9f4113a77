using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace HmisPlatform.Journeys;

/// <summary>Gets access tokens from the gateway's token endpoint as an agency system does (client credentials).</summary>
public static class GatewayTokens
{
    // The demo client a Development run registers (services/Gateway/Identity/DemoClients.cs, listed in the README).
    public const string DemoClientId = "lakeview-case-system";
    public const string DemoClientSecret = "lakeview-demo-secret";
    public static readonly Uri DemoRedirectUri = new("http://127.0.0.1:5095/callback");
    public const string LmsClientId = "hmis-lms";
    public const string LmsSecret = "hmis-lms-demo-secret";
    public const string ReviewDeskClientId = "hmis-review-desk";
    public const string ReviewDeskSecret = "hmis-review-demo-secret";

    public static async Task<HttpResponseMessage> RequestAsync(HttpClient gateway, string clientId, string secret, IEnumerable<string> scopes) =>
        await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = string.Join(' ', scopes),
        }));

    public static async Task<string> TokenAsync(HttpClient gateway, string clientId, string secret, IEnumerable<string> scopes)
    {
        using var response = await RequestAsync(gateway, clientId, secret, scopes);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token?.AccessToken ?? throw new InvalidOperationException("The token endpoint answered without a token.");
    }

    /// <summary>The demo callers' tokens: Lakeview's case system (an agency's scopes), the HMIS team's review desk, and the LMS.</summary>
    public static async Task<DemoTokens> DemoTokensAsync(HttpClient gateway) => new(
        await TokenAsync(gateway, DemoClientId, DemoClientSecret,
            PlatformIdentity.Scopes.Where(s => s is not (PlatformIdentity.RequestsReview or PlatformIdentity.RequestsCeDecide or PlatformIdentity.CredentialsActivate
                or PlatformIdentity.TrainingProgressWrite or PlatformIdentity.StaffInviteTrainee or PlatformIdentity.DataImport))),
        await TokenAsync(gateway, ReviewDeskClientId, ReviewDeskSecret, PlatformIdentity.Scopes),
        await TokenAsync(gateway, LmsClientId, LmsSecret, [PlatformIdentity.TrainingRead, PlatformIdentity.TrainingProgressWrite]));

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}

public sealed record DemoTokens(string Agency, string HmisTeam, string Lms);
