namespace HmisPlatform.Testing;

/// <summary>Waits for something asynchronous (an event delivered, a projection updated) instead of sleeping.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> isDone, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        // Starts quick and backs off to a few reads a second, so a long wait stays well inside the gateway's
        // per-caller rate limit.
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var value = await read();
            if (isDone(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout ?? DefaultTimeout}; last value: {value}");
            }
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }
}
