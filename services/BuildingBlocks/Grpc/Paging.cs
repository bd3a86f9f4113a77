using System.Buffers.Binary;
using System.Buffers.Text;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>
/// How every list of the platform pages: a page size (the default when none is asked, never more than the most) and a
/// keyset token, opaque to callers, naming the sort key of the last item of the previous page. Lists read the rows after
/// it through an index, so a page costs the same at row ten and at row a million.
/// </summary>
public static class Paging
{
    public const string InvalidPageTokenReason = "INVALID_PAGE_TOKEN";

    public static int Size(int requested, int defaultSize, int maxSize) => requested switch
    {
        <= 0 => defaultSize,
        _ when requested > maxSize => maxSize,
        _ => requested,
    };

    /// <summary>The page to answer from rows read one past its size, and the token of the next page ("" when none).</summary>
    public static (IReadOnlyList<T> Items, string NextPageToken) Page<T>(IReadOnlyList<T> readOneMore, int size, Func<T, string> tokenOf) =>
        readOneMore.Count > size ? ([.. readOneMore.Take(size)], tokenOf(readOneMore[size - 1])) : (readOneMore, "");

    /// <summary>A position by time and id (the id breaks ties).</summary>
    public static string Token(DateTimeOffset at, Guid id)
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.UtcTicks);
        id.TryWriteBytes(bytes[8..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>A position by an ordered id (UUID v7).</summary>
    public static string Token(Guid id) => Base64Url.EncodeToString(id.ToByteArray());

    /// <summary>A position by a sequence number.</summary>
    public static string Token(long sequence)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, sequence);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The time and id a token names; null for the first page; refused when it is not a token of this kind.</summary>
    public static (DateTimeOffset At, Guid Id)? TimeAndId(string token)
    {
        Span<byte> bytes = stackalloc byte[24];
        return Read(token, bytes) ? (new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(bytes), TimeSpan.Zero), new Guid(bytes[8..])) : null;
    }

    public static Guid? Id(string token)
    {
        Span<byte> bytes = stackalloc byte[16];
        return Read(token, bytes) ? new Guid(bytes) : null;
    }

    public static long? Sequence(string token)
    {
        Span<byte> bytes = stackalloc byte[8];
        return Read(token, bytes) ? BinaryPrimitives.ReadInt64BigEndian(bytes) : null;
    }

    private static bool Read(string token, Span<byte> into)
    {
        if (token.Length == 0)
        {
            return false;
        }
        if (token.Length != Base64Url.GetEncodedLength(into.Length) || !Base64Url.IsValid(token, out var length) || length != into.Length
            || Base64Url.DecodeFromChars(token, into) != into.Length)
        {
            throw DomainException.Invalid(InvalidPageTokenReason, "Use the next_page_token of a previous answer.",
                new FieldViolation("page_token", "not a page token of this list", InvalidPageTokenReason));
        }
        return true;
    }
}
