using Grpc.Core;
using Grpc.Core.Interceptors;
using HmisPlatform.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>
/// The one place where failures become gRPC statuses: domain refusals keep their reason and violations,
/// lost concurrency races become ABORTED, and anything unexpected becomes INTERNAL with no detail for the caller.
/// </summary>
public sealed partial class DomainErrorInterceptor(ErrorDomain domain, ILogger<DomainErrorInterceptor> logger) : Interceptor
{
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
            default:
                LogFailed(logger, ex, context.Method);
                return RichStatus.Simple(StatusCode.Internal, "INTERNAL", "The service failed to handle the call.", domain.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method);
}
