using Grpc.Core;
using HmisPlatform.BuildingBlocks.Grpc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// Answers a gRPC call that authorization refuses in the richer error model, whatever validated the token (the
/// services' JWT bearer, the gateway's OpenIddict validation): UNAUTHENTICATED with TOKEN_MISSING, TOKEN_EXPIRED or
/// TOKEN_REVOKED, TOKEN_INVALID, or PERMISSION_DENIED with SCOPE_MISSING; over HTTP/JSON as 401/403 with the same
/// google.rpc.Status. Other requests (web pages) get the usual challenge.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !(GrpcRefusal.IsGrpc(context.Request) || GrpcRefusal.IsHttpJsonApi(context.Request)))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (authorizeResult.Challenged)
        {
            // The handler keeps its result for the request, so this reads why the token failed without validating it twice.
            var authentication = await context.AuthenticateAsync();
            await GrpcRefusal.WriteAsync(context.Response, StatusCode.Unauthenticated, AuthenticationStatus.Domain,
                AuthenticationStatus.ReasonFor(authentication, (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow()), "A valid access token is required.");
            return;
        }
        await GrpcRefusal.WriteAsync(context.Response, StatusCode.PermissionDenied, AuthenticationStatus.Domain,
            AuthenticationStatus.ScopeMissingReason, "The access token does not grant this call.");
    }
}
