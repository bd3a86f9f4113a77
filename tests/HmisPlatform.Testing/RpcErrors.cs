using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace HmisPlatform.Testing;

/// <summary>Reads the richer error model off a failed call, for assertions.</summary>
public static class RpcErrors
{
    public static async Task<RpcException> CatchAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        return error;
    }

    public static string Reason(this RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "";

    public static string Domain(this RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Domain ?? "";

    public static IReadOnlyList<string> ViolatedFields(this RpcException error) =>
        [.. error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? []];

    public static IReadOnlyList<PreconditionFailure.Types.Violation> PreconditionViolations(this RpcException error) =>
        [.. error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations ?? []];

    public static IReadOnlyList<QuotaFailure.Types.Violation> QuotaViolations(this RpcException error) =>
        [.. error.GetRpcStatus()?.GetDetail<QuotaFailure>()?.Violations ?? []];

    public static IReadOnlyList<string> FailedPreconditionSubjects(this RpcException error) =>
        [.. error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Select(v => v.Subject) ?? []];
}
