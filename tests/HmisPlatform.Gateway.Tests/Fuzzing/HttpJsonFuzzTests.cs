using System.Text.Json;
using CsCheck;
using Google.Protobuf.Reflection;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Xunit.Abstractions;

namespace HmisPlatform.Gateway.Tests.Fuzzing;

/// <summary>
/// Fuzz target: the gateway's check of HTTP/JSON bodies and query strings against the contracts, the first code an
/// agency system's HTTP request meets. Whatever arrives, it answers accepted or refused (never an exception, which
/// would be INTERNAL), and a refusal never repeats a value from the request (it may carry personal data).
/// </summary>
public sealed class HttpJsonFuzzTests(ITestOutputHelper output)
{
    /// <summary>A value (never a field's name) that must never come back in a refusal.</summary>
    private const string Marker = "Zq7PrivateValue";

    private static readonly HttpRoute[] Routes = [.. ServiceRoutes.All.SelectMany(s => HttpRoute.Of(s.Service))];

    private static readonly string[] FieldNames =
    [
        .. Routes.SelectMany(r => Fields(r.Method.InputType, 3)).Distinct(),
        "status", "@type", "", "x", new string('k', 500),
    ];

    private static readonly Gen<string> Strings = Gen.OneOf(
        Gen.Const(Marker), Fuzz.Text(20),
        Gen.OneOf("2026-02-30", "2026-12-06", "2026-12-06T00:00:00Z", "9999-12-31T23:59:60Z", "1.5s", "-315576000001s",
            "NaN", "Infinity", "-0", "1e400", "AAAA", "ACCESS_REQUEST_STATUS_SUBMITTED", "EMERGENCY_SHELTER", "00000000-0000-0000-0000-000000000000"),
        Gen.Select(Gen.Const(Marker), Fuzz.Text(5), (m, t) => m + t));

    private static readonly Gen<string> Scalars = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "0", "-1", "1e400", "9223372036854775808", "-9223372036854775809", "1.5", "1e-400", "[]", "{}"),
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0"),
        Strings.Select(s => JsonSerializer.Serialize(s)));

    private static Gen<string> Json(int depth) => depth == 0
        ? Scalars
        : Gen.OneOf(Scalars,
            Gen.Select(Gen.OneOf(FieldNames), Json(depth - 1), (name, value) => (name, value))
                .Array[0, 5].Select(members => "{" + string.Join(",", members.Select(m => $"{JsonSerializer.Serialize(m.name)}:{m.value}")) + "}"),
            Json(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"));

    /// <summary>Bodies: objects of the contracts' own field names at any depth, cut short, or arbitrary text.</summary>
    private static readonly Gen<string> Bodies = Gen.OneOf(
        Json(3),
        Gen.Select(Json(3), Gen.Int[0, 100], (json, cut) => json[..Math.Min(cut, json.Length)]),
        Fuzz.Text(60),
        Gen.Int[1, 200].Select(n => new string('[', n * 10) + new string(']', n * 10)));

    [Fact]
    public void AnyBody_IsAcceptedOrRefused_NeverAnError_AndNoRefusalRepeatsAValue()
    {
        Fuzz.Run(Gen.Select(Gen.OneOf(Routes), Bodies), input =>
        {
            var (route, body) = input;
            var refusal = JsonContractCheck.Refusal(body, route.Method.InputType) ?? "";
            Assert.DoesNotContain(Marker, refusal, StringComparison.Ordinal);
            Assert.True(refusal.Length <= JsonContractCheck.MaxRefusalLength, refusal);
        }, output);
    }

    [Fact]
    public void AnyQueryString_IsAcceptedOrRefusedByItsParameters_NeverAnError_AndNoRefusalRepeatsAValue()
    {
        var query = Gen.Select(Gen.OneOf(FieldNames), Strings.Array[1, 3])
            .Array[0, 4]
            .Select(pairs => new QueryCollection(pairs.GroupBy(p => p.Item1, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new StringValues([.. g.SelectMany(p => p.Item2)]))));
        Fuzz.Run(Gen.Select(Gen.OneOf(Routes.Where(r => r.Verb == "GET").ToArray()), query), input =>
        {
            var (route, parameters) = input;
            var violations = JsonContractCheck.QueryViolations(parameters, route.Method.InputType, route.Path);
            Assert.All(violations, v =>
            {
                Assert.Contains(v.Field, parameters.Keys);
                Assert.DoesNotContain(Marker, v.Description, StringComparison.Ordinal);
            });
        }, output);
    }

    private static IEnumerable<string> Fields(MessageDescriptor message, int depth) =>
        depth == 0 ? [] : message.Fields.InDeclarationOrder().SelectMany(f =>
            (IEnumerable<string>)[f.JsonName, f.Name, .. f.FieldType == FieldType.Message ? Fields(f.MessageType, depth - 1) : []]);
}

/// <summary>What the fuzz target found, kept as tests.</summary>
public sealed class HttpJsonFuzzFindingsTests
{
    [Fact]
    public void AnUnknownFieldsLongName_IsCutInTheRefusal()
    {
        var input = Hmis.Requests.V1.SubmitAccessRequestRequest.Descriptor;

        var refusal = JsonContractCheck.Refusal($$"""{"{{new string('k', 5000)}}": 1}""", input);

        Assert.NotNull(refusal);
        Assert.Equal(JsonContractCheck.MaxRefusalLength, refusal.Length);
    }

    [Fact]
    public void AValueOfTheWrongType_IsRefused_WithoutRepeatingIt()
    {
        var input = Hmis.Requests.V1.ListAccessRequestsRequest.Descriptor;

        var refusal = JsonContractCheck.Refusal("""{"pageSize": "dana.whitfield@lakeview.example.org"}""", input);

        Assert.NotNull(refusal);
        Assert.DoesNotContain("dana", refusal, StringComparison.Ordinal);
    }
}
