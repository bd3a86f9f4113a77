using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HmisPlatform.EndToEnd.Tests.Simulation;

/// <summary>
/// An access token that renews itself shortly before it expires, for a simulation that outlives one token: gets a new
/// one (client credentials, or the person's consent again) when the last is within a minute of its end.
/// </summary>
public sealed class RenewingToken(Func<Task<string>> issue)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<string> GetAsync()
    {
        if (_current is { } held && DateTimeOffset.UtcNow < held.RenewAt)
        {
            return held.Token;
        }
        await _gate.WaitAsync();
        try
        {
            if (_current is not { } again || DateTimeOffset.UtcNow >= again.RenewAt)
            {
                var token = await issue();
                _current = (token, new JsonWebToken(token).ValidTo - TimeSpan.FromMinutes(1));
            }
            return _current.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A gRPC channel to the gateway whose every call carries the current token.</summary>
    public GrpcChannel Channel(Uri gatewayGrpc) => GrpcChannel.ForAddress(gatewayGrpc, new GrpcChannelOptions { HttpHandler = new Handler(this) });

    private sealed class Handler(RenewingToken token) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync());
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
