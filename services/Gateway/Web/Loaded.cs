using Grpc.Core;

namespace HmisPlatform.Gateway.Web;

/// <summary>What a page section loaded from one service: the value, or a message saying why there is none.</summary>
public readonly record struct Loaded<T>(T? Value, string? Problem)
{
    /// <summary>Loads a section; a service that is down or refuses gives its message, not an error page.</summary>
    /// <param name="missingIsEmpty">Whether "nothing yet" (NOT_FOUND, or refused as not available) is simply no section.</param>
    public static async Task<Loaded<T>> FromAsync(string service, Func<CallOptions, Task<T>> load, PlatformCalls calls, bool missingIsEmpty = false)
    {
        try
        {
            return new Loaded<T>(await load(await calls.AsPersonAsync()), null);
        }
        catch (RpcException error) when (missingIsEmpty && error.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            return default;
        }
        catch (RpcException error)
        {
            return new Loaded<T>(default, Ui.Explain(error, service));
        }
    }
}
