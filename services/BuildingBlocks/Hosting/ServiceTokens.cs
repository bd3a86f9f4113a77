using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>A platform service's own client identity at the gateway's token server (configuration <c>Auth</c>).</summary>
public sealed class ServiceClientOptions
{
    /// <summary>The token server (the gateway), as for validating callers.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scopes this service asks for: those its calls need (space-separated).</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Renew this long before the token expires.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>An access token for calling another service of the platform as this service.</summary>
public interface IServiceTokenSource
{
    ValueTask<string> GetAsync(CancellationToken cancellationToken);
}

/// <summary>
/// OAuth 2.0 client credentials at the gateway, with the token kept until shortly before it expires: one token
/// request per lifetime, not per call. The secret is only ever sent to the token endpoint.
/// </summary>
public sealed class ClientCredentialsTokenSource(HttpClient http, IOptions<ServiceClientOptions> options, TimeProvider time) : IServiceTokenSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } held && time.GetUtcNow() < held.RenewAt)
        {
            return held.Token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && time.GetUtcNow() < again.RenewAt)
            {
                return again.Token;
            }
            var o = options.Value;
            using var response = await http.PostAsync(new Uri(new Uri(o.Authority!), "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.ClientId!,
                ["client_secret"] = o.ClientSecret!,
                ["scope"] = o.Scopes,
            }), cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new InvalidOperationException("The token server sent no token.");
            var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
            _current = (token.AccessToken, time.GetUtcNow() + (lifetime > o.RenewBefore * 2 ? lifetime - o.RenewBefore : lifetime / 2));
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>Puts this service's access token on each outgoing call of a client.</summary>
public sealed class ServiceTokenHandler(IServiceTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}

public static class ServiceTokenRegistration
{
    /// <summary>Registers the service's client identity; gRPC clients add <see cref="ServiceTokenHandler"/> to use it.</summary>
    /// <param name="scopes">The scopes the service's calls need.</param>
    public static void AddServiceClientIdentity(this IHostApplicationBuilder builder, params string[] scopes)
    {
        builder.Services.Configure<ServiceClientOptions>(builder.Configuration.GetSection("Auth"));
        builder.Services.PostConfigure<ServiceClientOptions>(o => o.Scopes = string.Join(' ', scopes));
        builder.Services.AddHttpClient(nameof(ClientCredentialsTokenSource));
        // One source for the process, so the token it holds serves every call until it is renewed.
        builder.Services.AddSingleton<IServiceTokenSource>(services => new ClientCredentialsTokenSource(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ClientCredentialsTokenSource)),
            services.GetRequiredService<IOptions<ServiceClientOptions>>(),
            // Token lifetimes run on real time, whatever the test clock says.
            TimeProvider.System));
        builder.Services.AddTransient<ServiceTokenHandler>();
        builder.RequireProductionSecret("Auth:ClientSecret");
    }
}
