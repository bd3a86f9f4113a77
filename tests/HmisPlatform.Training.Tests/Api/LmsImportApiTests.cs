using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Training.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Tests.Api;

/// <summary>The go-live import of LMS accounts and the courses taken before go-live (lms.csv), through the API.</summary>
public sealed class LmsImportApiTests(TrainingFixture service) : IClassFixture<TrainingFixture>
{
    private readonly Hmis.Training.V1.Training.TrainingClient _hmisTeam = new(service.HmisTeamChannel);

    private static ImportLmsRecordsRequest Import(bool dryRun = false, bool skipBadRows = false, params LmsRecordImportRow[] rows) =>
        new() { Mode = new ImportMode { DryRun = dryRun, SkipBadRows = skipBadRows }, Records = { rows } };

    private static LmsRecordImportRow Row(int line, string email, string username, string course, int percent, string completedOn) =>
        new() { Line = line, Email = email, LmsUsername = username, Course = course, ProgressPercent = percent, CompletedOn = completedOn, PersonId = "" };

    [Fact]
    public async Task Records_AreImportedOnce_ASecondRunIsUnchanged_AndTheAccountIsFoundByItsEmail()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"lms.{suffix}@agency.example.org";
        LmsRecordImportRow[] rows = [Row(2, email, $"lms.{suffix}", "INTRO_HMIS", 100, "2026-10-01"), Row(3, email, $"lms.{suffix}", "Data Management", 40, "")];

        var dryRun = await _hmisTeam.ImportLmsRecordsAsync(Import(dryRun: true, rows: rows));
        Assert.Empty((await _hmisTeam.FindLmsAccountAsync(new FindLmsAccountRequest { Email = email })).Accounts);
        var first = await _hmisTeam.ImportLmsRecordsAsync(Import(rows: rows));
        var again = await _hmisTeam.ImportLmsRecordsAsync(Import(rows: rows));

        Assert.False(dryRun.Applied);
        Assert.Equal([ImportOutcome.New, ImportOutcome.New], dryRun.Records.Select(r => r.Outcome));
        Assert.True(first.Applied);
        Assert.Equal([ImportOutcome.New, ImportOutcome.New], first.Records.Select(r => r.Outcome));
        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.Unchanged], again.Records.Select(r => r.Outcome));
        var account = Assert.Single((await _hmisTeam.FindLmsAccountAsync(new FindLmsAccountRequest { Email = email })).Accounts);
        Assert.Equal(($"lms.{suffix}", first.Records[0].Id), (account.Username, account.Id));
    }

    [Fact]
    public async Task ABatchWithARefusedRow_ImportsNothing_NamingTheColumn_UnlessBadRowsAreSkipped()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        LmsRecordImportRow[] rows =
        [
            Row(2, $"good.{suffix}@agency.example.org", $"good.{suffix}", "INTRO_HMIS", 100, "2026-10-01"),
            Row(3, $"bad.{suffix}@agency.example.org", $"bad.{suffix}", "NO_SUCH_COURSE", 100, "2026-10-01"),
        ];

        var refused = await _hmisTeam.ImportLmsRecordsAsync(Import(rows: rows));
        Assert.False(refused.Applied);
        Assert.Equal(0, await service.QueryAsync(db => db.LmsAccounts.CountAsync(a => a.Username.EndsWith(suffix))));
        var problem = Assert.Single(refused.Records[1].Problems);
        Assert.Equal((ImportOutcome.Refused, "course"), (refused.Records[1].Outcome, problem.Column));

        var skipped = await _hmisTeam.ImportLmsRecordsAsync(Import(skipBadRows: true, rows: rows));
        Assert.True(skipped.Applied);
        Assert.Equal([$"good.{suffix}"], await service.QueryAsync(db => db.LmsAccounts.Where(a => a.Username.EndsWith(suffix)).Select(a => a.Username).ToListAsync()));
    }

    [Fact]
    public async Task OnlyTheHmisTeam_WithTheImportScope_Imports()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var request = Import(rows: Row(2, $"scope.{suffix}@agency.example.org", $"scope.{suffix}", "INTRO_HMIS", 100, "2026-10-01"));
        var withoutScope = new Hmis.Training.V1.Training.TrainingClient(service.ChannelWithToken(
            TestTokens.Issue(scopes: PlatformIdentity.Scopes.Where(s => s != PlatformIdentity.DataImport), agencyId: null, role: PlatformIdentity.HmisTeamRole)));

        Assert.Equal(StatusCode.PermissionDenied, (await RpcErrors.CatchAsync(() => service.Client.ImportLmsRecordsAsync(request).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RpcErrors.CatchAsync(() => service.Lms.ImportLmsRecordsAsync(request).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RpcErrors.CatchAsync(() => withoutScope.ImportLmsRecordsAsync(request).ResponseAsync)).StatusCode);
        Assert.Equal(0, await service.QueryAsync(db => db.LmsAccounts.CountAsync(a => a.Username.EndsWith(suffix))));
    }
}
