using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using HmisPlatform.Gateway.Identity;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>
/// The OpenAPI 3 document of the HTTP/JSON API, written from the same contracts the gateway routes: every
/// <c>google.api.http</c> route with its path and query parameters, its body and answer as JSON schemas (proto3
/// JSON names), the google.rpc.Status every error carries, and the client-credentials token it needs.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    public static JsonObject Build(IEnumerable<(Google.Protobuf.Reflection.ServiceDescriptor Service, IReadOnlyList<HttpRoute> Routes)> contracts)
    {
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var paths = new JsonObject();
        foreach (var (service, routes) in contracts)
        {
            foreach (var route in routes)
            {
                if (paths[route.Path] is not JsonObject item)
                {
                    paths[route.Path] = item = [];
                }
                item[route.Verb.ToLowerInvariant()] = Operation(service, route, schemas);
            }
        }
        schemas["google.rpc.Status"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An error in the richer error model: the gRPC code, a message for people, and details (ErrorInfo with the reason, BadRequest with field violations, PreconditionFailure, RetryInfo).",
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                ["message"] = new JsonObject { ["type"] = "string" },
                ["details"] = new JsonObject { ["type"] = "array", ["items"] = AnySchema() },
            },
        };
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "HmisPlatform API",
                ["version"] = "v1",
                ["description"] = "HMIS access for the Chicago CoC: requests for training, training, the Sample Client Assignment and credentials. "
                    + "The same RPCs are served over gRPC at the gateway's HTTP/2 endpoint. Get a token with the client-credentials grant.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject(schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
                ["securitySchemes"] = new JsonObject
                {
                    ["oauth2"] = new JsonObject
                    {
                        ["type"] = "oauth2",
                        ["flows"] = new JsonObject
                        {
                            ["clientCredentials"] = new JsonObject
                            {
                                ["tokenUrl"] = TokenServer.TokenPath,
                                ["scopes"] = new JsonObject(PlatformIdentity.Scopes.Select(s => KeyValuePair.Create(s, (JsonNode?)JsonValue.Create(s)))),
                            },
                        },
                    },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["oauth2"] = new JsonArray() }),
        };
    }

    private static JsonObject Operation(Google.Protobuf.Reflection.ServiceDescriptor service, HttpRoute route, IDictionary<string, JsonNode> schemas)
    {
        var input = route.Method.InputType;
        var parameters = new JsonArray();
        foreach (var variable in route.PathVariables)
        {
            parameters.Add(Parameter(variable, "path", input.FindFieldByName(variable), required: true));
        }
        if (route.Body is null)
        {
            foreach (var field in input.Fields.InFieldNumberOrder().Where(f => !route.PathVariables.Contains(f.Name) && f.FieldType != FieldType.Message))
            {
                parameters.Add(Parameter(field.JsonName, "query", field, required: false));
            }
        }
        var operation = new JsonObject
        {
            ["operationId"] = route.Method.Name,
            ["tags"] = new JsonArray(service.Name),
            ["summary"] = $"{service.FullName}/{route.Method.Name}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = Json(Reference(route.Method.OutputType, schemas)),
                },
                ["default"] = new JsonObject
                {
                    ["description"] = "An error: 400 invalid argument or failed precondition, 401 no valid token, 403 not permitted or not available, 404, 409, 429 rate limited.",
                    ["content"] = Json(new JsonObject { ["$ref"] = "#/components/schemas/google.rpc.Status" }),
                },
            },
        };
        if (route.Body is not null)
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(Reference(input, schemas)) };
        }
        return operation;
    }

    private static JsonObject Parameter(string name, string where, FieldDescriptor? field, bool required) => new()
    {
        ["name"] = name,
        ["in"] = where,
        ["required"] = required,
        ["schema"] = field is null ? new JsonObject { ["type"] = "string" } : Scalar(field),
    };

    private static JsonObject Json(JsonObject schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Reference(MessageDescriptor message, IDictionary<string, JsonNode> schemas)
    {
        if (WellKnown(message) is { } known)
        {
            return known;
        }
        if (!schemas.ContainsKey(message.FullName))
        {
            var properties = new JsonObject();
            schemas[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                properties[field.JsonName] = Field(field, schemas);
            }
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{message.FullName}" };
    }

    private static JsonObject Field(FieldDescriptor field, IDictionary<string, JsonNode> schemas)
    {
        if (field.IsMap)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Field(field.MessageType.FindFieldByNumber(2), schemas) };
        }
        var single = field.FieldType == FieldType.Message ? Reference(field.MessageType, schemas) : Scalar(field);
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    private static JsonObject Scalar(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 =>
            new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        // proto3 JSON writes 64-bit integers as strings.
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
            new JsonObject { ["type"] = "string", ["format"] = "int64" },
        FieldType.Double or FieldType.Float => new JsonObject { ["type"] = "number" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        FieldType.Enum => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))]),
        },
        _ => new JsonObject { ["type"] = "string" },
    };

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["example"] = "1.5s" },
        "google.protobuf.Any" => AnySchema(),
        _ => null,
    };

    private static JsonObject AnySchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } },
        ["additionalProperties"] = true,
    };
}
