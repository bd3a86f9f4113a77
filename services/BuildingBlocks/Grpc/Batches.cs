namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>
/// An export's rows, streamed from the database to the caller a batch at a time: at most one batch is in memory, so a
/// large export never reads a whole table.
/// </summary>
public static class Batches
{
    public const int ExportBatchSize = 500;

    public static async IAsyncEnumerable<List<T>> Of<T>(IAsyncEnumerable<T> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default,
        int size = ExportBatchSize)
    {
        var batch = new List<T>(size);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<T>(size);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
