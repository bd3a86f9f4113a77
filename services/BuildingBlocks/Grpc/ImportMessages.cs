using Hmis.Common.V1;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>The go-live import's answers in the contract's words (hmis.common.v1.ImportRowResult).</summary>
public static class ImportMessages
{
    public static ImportRowResult ToMessage(this ImportRowOutcome row) => new()
    {
        Line = row.Line,
        Outcome = (Hmis.Common.V1.ImportOutcome)row.Outcome,
        Id = row.Id?.ToString() ?? "",
        Problems = { row.Problems.Select(p => new ImportProblem { Column = p.Field, Description = p.Description, Reason = p.Reason ?? "" }) },
    };

    public static bool Applies(this ImportMode? mode, IEnumerable<ImportRowOutcome> rows) =>
        ImportBatch.Applies(mode?.DryRun ?? false, mode?.SkipBadRows ?? false, rows);
}
