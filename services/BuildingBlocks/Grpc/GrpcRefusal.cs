using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using ErrorInfo = Google.Rpc.ErrorInfo;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>
/// Refuses a gRPC call from middleware (authentication, rate limits) in the richer error model: a trailers-only
/// response with the gRPC status and a google.rpc.Status holding an ErrorInfo and any further details.
/// </summary>
public static class GrpcRefusal
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static Task WriteAsync(HttpResponse response, StatusCode code, string domain, string reason, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = domain }) },
        };
        status.Details.AddRange(details.Select(Any.Pack));
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }
}
