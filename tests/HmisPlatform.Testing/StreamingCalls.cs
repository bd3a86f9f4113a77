using Grpc.Core;

namespace HmisPlatform.Testing;

/// <summary>A server-streaming call read to its end (the exports), its batches as they came; the call is disposed.</summary>
public static class StreamingCalls
{
    public static async Task<List<T>> ReadAllAsync<T>(this AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            return await call.ResponseStream.ReadAllAsync().ToListAsync();
        }
    }
}
