namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>How many items a list answers: the page size asked for, the default when none, never more than the most.</summary>
public static class Paging
{
    public static int Size(int requested, int defaultSize, int maxSize) => requested switch
    {
        <= 0 => defaultSize,
        _ when requested > maxSize => maxSize,
        _ => requested,
    };
}
