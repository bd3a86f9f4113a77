using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ErrorInfo = Google.Rpc.ErrorInfo;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// Answers a refused gRPC call in the richer error model rather than as a bare HTTP 401/403: a trailers-only
/// response with the gRPC status and a google.rpc.Status carrying an ErrorInfo reason. Never echoes the token.
/// </summary>
public static class AuthenticationStatus
{
    public const string Domain = "hmis.auth";
    public const string TokenMissingReason = "TOKEN_MISSING";
    public const string TokenExpiredReason = "TOKEN_EXPIRED";
    public const string TokenInvalidReason = "TOKEN_INVALID";
    public const string ScopeMissingReason = "SCOPE_MISSING";

    public static string ReasonFor(Exception? failure) => failure switch
    {
        null => TokenMissingReason,
        SecurityTokenExpiredException => TokenExpiredReason,
        _ => TokenInvalidReason,
    };

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static Task WriteAsync(HttpResponse response, StatusCode code, string reason, string message)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
        };
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }
}
