using Grpc.Core;
using Grpc.Core.Interceptors;
using HmisPlatform.Gateway.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace HmisPlatform.Gateway.Web;

/// <summary>
/// A page's call that a service refused with PERMISSION_DENIED is a security event, as a proxied call's is: the pages
/// call the services directly, so the gateway's proxy never sees those answers. Recorded with the person's id and the
/// method, in a scope of its own (a page's components call at once).
/// </summary>
public sealed class PageRefusalAudit(AuthenticationStateProvider authentication, IServiceScopeFactory scopes) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(AuditAsync(call.ResponseAsync, context.Method.FullName),
            call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> AuditAsync<TResponse>(Task<TResponse> response, string method)
    {
        try
        {
            return await response;
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.PermissionDenied)
        {
            await RecordAsync(method);
            throw;
        }
    }

    private async Task RecordAsync(string method)
    {
        System.Security.Claims.ClaimsPrincipal person;
        try
        {
            person = (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Not on a page (no circuit): the gateway's own pipeline audits that call.
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SecurityAudit>().RecordAsync(SecurityEventKinds.PermissionDenied,
            person.FindFirst("sub")?.Value, method, Guid.TryParse(person.FindFirst(PlatformIdentity.AgencyClaim)?.Value, out var agency) ? agency : null,
            "FROM_PAGE");
    }
}
