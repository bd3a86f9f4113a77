namespace HmisPlatform.BuildingBlocks.Idempotency;

/// <summary>The first answer to a mutating call, stored under its idempotency key in the same transaction as the change.</summary>
public sealed class IdempotencyRecord
{
    public Guid Key { get; private set; }

    public string Method { get; private set; } = "";

    /// <summary>SHA-256 of the request without its key, to tell a retry from a reused key.</summary>
    public byte[] RequestHash { get; private set; } = [];

    public byte[] Response { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public IdempotencyRecord(Guid key, string method, byte[] requestHash, byte[] response, DateTimeOffset createdAt)
    {
        Key = key;
        Method = method;
        RequestHash = requestHash;
        Response = response;
        CreatedAt = createdAt;
    }

    private IdempotencyRecord()
    {
    }
}
