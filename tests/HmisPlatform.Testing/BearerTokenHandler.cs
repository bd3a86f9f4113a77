using System.Net.Http.Headers;

namespace HmisPlatform.Testing;

/// <summary>Adds an access token to every call, as an agency system's gRPC client would.</summary>
public sealed class BearerTokenHandler(string? token, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
