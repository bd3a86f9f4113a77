using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>One HTTP/JSON route of a contract: the verb and path its <c>google.api.http</c> option gives a method.</summary>
public sealed record HttpRoute(MethodDescriptor Method, string Verb, string Path, string? Body)
{
    /// <summary>The HTTP/JSON routes a service's contract declares, in the order of its methods.</summary>
    public static IEnumerable<HttpRoute> Of(ServiceDescriptor service) =>
        service.Methods
            .Select(method => (method, rule: method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
            .Where(m => m.rule is not null)
            .Select(m => m.rule!.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => new HttpRoute(m.method, "GET", m.rule.Get, null),
                HttpRule.PatternOneofCase.Post => new HttpRoute(m.method, "POST", m.rule.Post, NonEmpty(m.rule.Body)),
                HttpRule.PatternOneofCase.Put => new HttpRoute(m.method, "PUT", m.rule.Put, NonEmpty(m.rule.Body)),
                HttpRule.PatternOneofCase.Patch => new HttpRoute(m.method, "PATCH", m.rule.Patch, NonEmpty(m.rule.Body)),
                HttpRule.PatternOneofCase.Delete => new HttpRoute(m.method, "DELETE", m.rule.Delete, null),
                _ => throw new NotSupportedException($"{m.method.FullName} has an HTTP rule the gateway does not route."),
            });

    /// <summary>The names of the path's variables, in order: <c>/v1/people/{person_id}/journey</c> has <c>person_id</c>.</summary>
    public IReadOnlyList<string> PathVariables =>
        [.. Path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1])];

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;
}
