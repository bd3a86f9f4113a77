using Grpc.Core;
using Grpc.Core.Interceptors;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>
/// The one place where failures become gRPC statuses: domain refusals keep their reason and violations,
/// lost concurrency races become ABORTED, a database, Redis or service briefly away becomes UNAVAILABLE with the
/// time to wait before retrying (<c>RetryInfo</c>), and anything unexpected becomes INTERNAL with no detail for the caller.
/// </summary>
public sealed partial class DomainErrorInterceptor(ErrorDomain domain, ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public const string UnavailableReason = "TEMPORARILY_UNAVAILABLE";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Translate(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    /// <summary>The exports stream: a refusal before (or while) they write is translated the same way.</summary>
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Translate(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    private RpcException? Translate(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case RpcException:
                return null;
            case DomainException domainError:
                LogRefused(logger, context.Method, domainError.Reason);
                return RichStatus.From(domainError, domain.Name);
            case DbUpdateConcurrencyException:
                LogRefused(logger, context.Method, "CONCURRENT_UPDATE");
                return RichStatus.Simple(StatusCode.Aborted, "CONCURRENT_UPDATE", "Another change won the race; read again and retry.", domain.Name);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return RichStatus.Simple(StatusCode.Cancelled, "CANCELLED", "The call was cancelled.", domain.Name);
            case var transient when TransientFailures.IsTransient(transient):
                LogUnavailable(logger, context.Method, transient.GetType().Name);
                return RichStatus.Unavailable(UnavailableReason, "The service is briefly unable to reach what it needs; try again shortly.", RichStatus.DefaultRetryAfter, domain.Name);
            default:
                LogFailed(logger, ex, context.Method);
                return RichStatus.Simple(StatusCode.Internal, "INTERNAL", "The service failed to handle the call.", domain.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} unavailable: {Failure}")]
    private static partial void LogUnavailable(ILogger logger, string method, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method);
}
