using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using ErrorInfo = Google.Rpc.ErrorInfo;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>
/// Refuses a call from middleware (authentication, rate limits, the gateway's checks) in the richer error model,
/// in the caller's protocol: for gRPC a trailers-only response with the status and a google.rpc.Status holding an
/// ErrorInfo and any further details; for HTTP/JSON the HTTP status that matches and the same google.rpc.Status as
/// JSON, as the services' transcoded answers carry it.
/// </summary>
public static class GrpcRefusal
{
    /// <summary>The detail types of the richer error model, so HTTP/JSON answers can write them.</summary>
    public static TypeRegistry ErrorDetailTypes { get; } = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor, Google.Rpc.BadRequest.Descriptor, Google.Rpc.PreconditionFailure.Descriptor,
        Google.Rpc.RetryInfo.Descriptor, Google.Rpc.QuotaFailure.Descriptor, Google.Rpc.ResourceInfo.Descriptor,
        Google.Rpc.Help.Descriptor, Google.Rpc.LocalizedMessage.Descriptor, Google.Rpc.DebugInfo.Descriptor);

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(ErrorDetailTypes));

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    /// <summary>Whether the request is for the HTTP/JSON API (resource routes under <c>/v1/</c>).</summary>
    public static bool IsHttpJsonApi(HttpRequest request) => request.Path.StartsWithSegments("/v1", StringComparison.Ordinal);

    public static Task WriteAsync(HttpResponse response, StatusCode code, string domain, string reason, string message, params IMessage[] details) =>
        WriteAsync(response, code, HttpStatusOf(code), domain, reason, message, details);

    /// <param name="httpStatus">The HTTP status of an HTTP/JSON answer, where it says more than the gRPC code's (413 for a body too large).</param>
    public static Task WriteAsync(HttpResponse response, StatusCode code, int httpStatus, string domain, string reason, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = domain }) },
        };
        status.Details.AddRange(details.Select(Any.Pack));
        if (!IsGrpc(response.HttpContext.Request))
        {
            response.StatusCode = httpStatus;
            response.ContentType = "application/json; charset=utf-8";
            return response.WriteAsync(Json.Format(status));
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }

    /// <summary>The HTTP status for a gRPC status, as google.api's HTTP mapping gives it.</summary>
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}
