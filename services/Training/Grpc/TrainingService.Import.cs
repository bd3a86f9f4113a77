using Grpc.Core;
using Hmis.Training.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Domain.LmsAccounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Grpc;

/// <summary>The go-live import of LMS accounts and the courses taken before go-live.</summary>
public sealed partial class TrainingService
{
    [Authorize(Policy = PlatformIdentity.DataImport)]
    public override async Task<ImportLmsRecordsResponse> ImportLmsRecords(ImportLmsRecordsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var emails = request.Records.Select(r => r.Email.Trim().ToLowerInvariant()).Distinct().ToList();
        var usernames = request.Records.Select(r => r.LmsUsername.Trim().ToLowerInvariant()).Distinct().ToList();
        var people = request.Records.Select(r => Guid.TryParse(r.PersonId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var accounts = await db.LmsAccounts.Where(a => emails.Contains(a.Email) || usernames.Contains(a.Username) || people.Contains(a.PersonId)).ToListAsync(ct);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var records = await db.ImportedCourseRecords.Where(r => accountIds.Contains(r.LmsAccountId)).ToListAsync(ct);
        var import = new LmsImport(accounts, records, [.. (await db.CatalogAsync(ct)).Values], time.GetStoredNow());
        var rows = request.Records.Select(row => import.Record(row.Line, row.Email, row.LmsUsername, row.Course, row.ProgressPercent, row.CompletedOn,
            Guid.TryParse(row.PersonId, out var person) ? person : null)).ToList();
        var applied = request.Mode.Applies(rows);
        if (applied)
        {
            db.LmsAccounts.AddRange(import.NewAccounts);
            db.ImportedCourseRecords.AddRange(import.NewRecords);
            await db.SaveChangesAsync(ct);
        }
        return new ImportLmsRecordsResponse { Records = { rows.Select(r => r.ToMessage()) }, Applied = applied };
    }
}
