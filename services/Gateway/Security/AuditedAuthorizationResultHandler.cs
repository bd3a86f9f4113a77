using HmisPlatform.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HmisPlatform.Gateway.Security;

/// <summary>
/// Answers refused calls as every service does (<see cref="GrpcAuthorizationResultHandler"/>) and records each
/// permission refused to an authenticated caller in the security audit.
/// </summary>
public sealed class AuditedAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly GrpcAuthorizationResultHandler _inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            await context.RequestServices.GetRequiredService<SecurityAudit>().RecordAsync(SecurityEventKinds.PermissionDenied,
                context.User.FindFirst("sub")?.Value, context.Request.Path, detail: AuthenticationStatus.ScopeMissingReason,
                cancellationToken: context.RequestAborted);
        }
        await _inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
