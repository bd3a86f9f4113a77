using Google.Protobuf;
using Google.Protobuf.Reflection;
using HmisPlatform.BuildingBlocks.Grpc;
using Yarp.ReverseProxy.Model;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>
/// Checks an HTTP/JSON body against its contract before it is proxied: a field the request message does not have
/// (say, a <c>status</c> only the HMIS team's review may set) or a value of the wrong type is refused with
/// INVALID_ARGUMENT naming it, instead of being silently dropped behind the gateway.
/// </summary>
public static class JsonContractCheck
{
    /// <summary>The route metadata key that names a JSON route's gRPC method.</summary>
    public const string MethodMetadata = "grpc-method";
    public const string MalformedBodyReason = "MALFORMED_BODY";
    public const string BodyTooLargeReason = "BODY_TOO_LARGE";

    private static readonly JsonParser Strict = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <param name="maxBodyBytes">The largest body taken; the server enforces it as well, this answers it in the error model.</param>
    public static async Task InvokeAsync(HttpContext http, Func<Task> next, IReadOnlyDictionary<string, MethodDescriptor> methods, long maxBodyBytes)
    {
        var route = http.Features.Get<IReverseProxyFeature>()?.Route.Config;
        if (route?.Metadata?.TryGetValue(MethodMetadata, out var name) != true || !methods.TryGetValue(name!, out var method)
            || HttpMethods.IsGet(http.Request.Method))
        {
            await next();
            return;
        }
        http.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: maxBodyBytes);
        string body;
        try
        {
            using var reader = new StreamReader(http.Request.Body, leaveOpen: true);
            body = http.Request.ContentLength > maxBodyBytes
                ? throw new IOException("The body is larger than the limit.")
                : await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (IOException)
        {
            await GrpcRefusal.WriteAsync(http.Response, global::Grpc.Core.StatusCode.ResourceExhausted, StatusCodes.Status413PayloadTooLarge,
                "hmis.gateway", BodyTooLargeReason, $"The body may be at most {maxBodyBytes} bytes.");
            return;
        }
        http.Request.Body.Position = 0;
        if (body.Length > 0 && Refusal(body, method.InputType) is { } problem)
        {
            await GrpcRefusal.WriteAsync(http.Response, global::Grpc.Core.StatusCode.InvalidArgument, "hmis.gateway", MalformedBodyReason,
                "The body does not match the request's contract.",
                new Google.Rpc.BadRequest { FieldViolations = { new Google.Rpc.BadRequest.Types.FieldViolation { Field = "body", Description = problem, Reason = MalformedBodyReason } } });
            return;
        }
        await next();
    }

    // Google.Protobuf's messages name the offending field or token, never a value from the body.
    private static string? Refusal(string body, MessageDescriptor input)
    {
        try
        {
            Strict.Parse(body, input);
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            return e.Message;
        }
        catch (InvalidJsonException e)
        {
            return e.Message;
        }
    }
}
