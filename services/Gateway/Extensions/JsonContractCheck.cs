using Google.Protobuf;
using Google.Protobuf.Reflection;
using HmisPlatform.BuildingBlocks.Grpc;
using Yarp.ReverseProxy.Model;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>
/// Checks an HTTP/JSON body against its contract before it is proxied: a field the request message does not have
/// (say, a <c>status</c> only the HMIS team's review may set) or a value of the wrong type is refused with
/// INVALID_ARGUMENT naming it, instead of being silently dropped behind the gateway. A GET's query parameters are
/// checked the same way, each by its name (<c>?pageSize=abc</c> is a field violation on <c>pageSize</c>).
/// </summary>
public static class JsonContractCheck
{
    /// <summary>The route metadata key that names a JSON route's gRPC method.</summary>
    public const string MethodMetadata = "grpc-method";
    public const string MalformedBodyReason = "MALFORMED_BODY";
    public const string BodyTooLargeReason = "BODY_TOO_LARGE";
    public const string InvalidQueryReason = "INVALID_QUERY_PARAMETER";

    private static readonly JsonParser Strict = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <param name="maxBodyBytes">The largest body taken; the server enforces it as well, this answers it in the error model.</param>
    public static async Task InvokeAsync(HttpContext http, Func<Task> next, IReadOnlyDictionary<string, MethodDescriptor> methods, long maxBodyBytes)
    {
        var route = http.Features.Get<IReverseProxyFeature>()?.Route.Config;
        if (route?.Metadata?.TryGetValue(MethodMetadata, out var name) != true || !methods.TryGetValue(name!, out var method))
        {
            await next();
            return;
        }
        if (HttpMethods.IsGet(http.Request.Method))
        {
            var violations = QueryViolations(http.Request.Query, method.InputType, route.Match.Path ?? "");
            if (violations.Count > 0)
            {
                await GrpcRefusal.WriteAsync(http.Response, global::Grpc.Core.StatusCode.InvalidArgument, "hmis.gateway", InvalidQueryReason,
                    "A query parameter does not match the request's contract.", new Google.Rpc.BadRequest { FieldViolations = { violations } });
                return;
            }
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

    /// <summary>
    /// Each query parameter must name a field of the request (by its JSON or proto name, nested with dots) that the path
    /// does not already fill, and hold a value of that field's type; repeated fields may repeat.
    /// </summary>
    public static List<Google.Rpc.BadRequest.Types.FieldViolation> QueryViolations(IQueryCollection query, MessageDescriptor input, string pathTemplate)
    {
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        foreach (var (key, values) in query)
        {
            var field = FieldAt(input, key);
            var problem = field is null || pathTemplate.Contains($"{{{field.Name}}}", StringComparison.Ordinal)
                ? "not a query parameter of this call"
                : values.Count > 1 && !field.IsRepeated ? "given more than once"
                : values.Select(v => ValueProblem(field, v ?? "")).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                violations.Add(new Google.Rpc.BadRequest.Types.FieldViolation { Field = key, Description = problem, Reason = InvalidQueryReason });
            }
        }
        return violations;
    }

    private static FieldDescriptor? FieldAt(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            if (field is not null && field.FieldType != FieldType.Message)
            {
                return null;
            }
            var owner = field?.MessageType ?? message;
            field = owner.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == part || f.Name == part);
            if (field is null || field.IsMap)
            {
                return null;
            }
        }
        return field;
    }

    /// <summary>Whether the text reads as one value of the field (parsed by protobuf's own JSON rules); the text is never echoed.</summary>
    private static string? ValueProblem(FieldDescriptor field, string text)
    {
        var literal = field.FieldType == FieldType.Bool && text is "true" or "false" ? text : System.Text.Json.JsonSerializer.Serialize(text);
        var json = $"{{\"{field.JsonName}\": {(field.IsRepeated ? $"[{literal}]" : literal)}}}";
        return Refusal(json, field.ContainingType) is null ? null : $"not a valid {Describe(field)}";
    }

    private static string Describe(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Enum => $"value of {field.EnumType.Name}",
        FieldType.Message => field.MessageType.Name,
        _ => field.FieldType.ToString().ToLowerInvariant(),
    };

    /// <summary>The longest refusal text: an unknown field's name is repeated, cut to this.</summary>
    public const int MaxRefusalLength = 200;

    private const string UnknownField = "Unknown field: ";

    /// <summary>
    /// Why the body does not read as the request: an unknown field by its name (cut to <see cref="MaxRefusalLength"/>),
    /// otherwise in general terms. Google.Protobuf's own messages may quote a value from the body ("Invalid numeric
    /// value for type: …"), which may be personal data, so they are not passed on.
    /// </summary>
    internal static string? Refusal(string body, MessageDescriptor input)
    {
        try
        {
            Strict.Parse(body, input);
            return null;
        }
        catch (InvalidProtocolBufferException e) when (e.Message.StartsWith(UnknownField, StringComparison.Ordinal))
        {
            return e.Message.Length <= MaxRefusalLength ? e.Message : e.Message[..MaxRefusalLength];
        }
        catch (InvalidProtocolBufferException)
        {
            return "A value does not have its field's type, or a field is given twice.";
        }
        catch (InvalidJsonException)
        {
            return "The body is not valid JSON.";
        }
    }
}
