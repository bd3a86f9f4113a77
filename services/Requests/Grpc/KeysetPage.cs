using System.Buffers.Binary;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;

namespace HmisPlatform.Requests.Grpc;

/// <summary>
/// A keyset page position: the time and id of the last item of the previous page, opaque to callers. Lists read the
/// rows after it through an index, so a page costs the same at row ten and at row a million.
/// </summary>
internal readonly record struct KeysetPage(DateTimeOffset At, Guid Id)
{
    public const string InvalidPageTokenReason = "INVALID_PAGE_TOKEN";
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static int Size(int requested) => Paging.Size(requested, DefaultSize, MaxSize);

    public static KeysetPage? Parse(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }
        Span<byte> bytes = stackalloc byte[24];
        if (!Convert.TryFromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4), bytes, out var written) || written != 24)
        {
            throw DomainException.Invalid(InvalidPageTokenReason, "Use the next_page_token of a previous answer.", new FieldViolation("page_token", "not a page token", InvalidPageTokenReason));
        }
        return new KeysetPage(new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(bytes), TimeSpan.Zero), new Guid(bytes[8..]));
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, At.UtcTicks);
        Id.TryWriteBytes(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
