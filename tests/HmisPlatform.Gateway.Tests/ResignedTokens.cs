using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HmisPlatform.Gateway.Tests;

/// <summary>Real tokens of the gateway with one thing changed: re-signed with a key, claims altered, or unsigned.</summary>
internal static class ResignedTokens
{
    public static string Resign(string token, SigningCredentials key, Action<Dictionary<string, object>>? change = null, string tokenType = "at+jwt")
    {
        var claims = ClaimsOf(token);
        change?.Invoke(claims);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = tokenType,
            SigningCredentials = key,
        });
    }

    /// <summary>The token's claims under <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string token)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        return $"{header}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(ClaimsOf(token)))}.";
    }

    private static Dictionary<string, object> ClaimsOf(string token)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(token).EncodedPayload));
        return payload.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Number => (object)p.Value.GetInt64(),
            JsonValueKind.Array => p.Value.EnumerateArray().Select(v => v.GetString()!).ToList(),
            _ => p.Value.GetString()!,
        });
    }
}
