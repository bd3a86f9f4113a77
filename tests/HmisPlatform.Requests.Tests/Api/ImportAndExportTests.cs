using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using ProjectType = Hmis.Common.V1.ProjectType;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>
/// Requests' part of go-live and of the HMIS Lead's reports through its API: the agencies and administrators import,
/// the journeys with the time in each stage, and the request audit.
/// </summary>
public sealed class ImportAndExportTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private static ImportAgenciesRequest Import(string name, string domain, string apaEnd = "", bool dryRun = false, bool skipBadRows = false,
        params AdministratorImportRow[] administrators) => new()
    {
        Mode = new ImportMode { DryRun = dryRun, SkipBadRows = skipBadRows },
        Agencies = { new AgencyImportRow { Line = 2, AgencyName = name, EmailDomains = { domain }, ApaStart = "2025-01-01", ApaEnd = apaEnd, ProjectTypes = { ProjectType.EmergencyShelter } } },
        Administrators = { administrators },
    };

    private static AdministratorImportRow Ata(int line, string agency, string email) => new()
    {
        Line = line, AgencyName = agency, Role = AdministratorRole.Ata, GivenName = "Ada", FamilyName = "Okoro", Email = email, AtaTrainingCompletedOn = "2025-12-15",
    };

    [Fact]
    public async Task ImportAgencies_MakesThemOnce_ASecondRunIsUnchanged_AndACorrectedRowUpdates()
    {
        var name = $"Import Shelter {Guid.NewGuid():N}"[..24];
        var domain = $"{Guid.NewGuid():N}.example.org";
        var ata = Ata(2, name, $"ada@{domain}");

        var dryRun = await service.Agencies.ImportAgenciesAsync(Import(name, domain, dryRun: true, administrators: ata));
        Assert.False(dryRun.Applied);
        Assert.Equal(0, await service.QueryAsync(db => db.Agencies.CountAsync(a => a.Name == name)));

        var first = await service.Agencies.ImportAgenciesAsync(Import(name, domain, administrators: ata));
        var again = await service.Agencies.ImportAgenciesAsync(Import(name, domain, administrators: ata));
        var corrected = await service.Agencies.ImportAgenciesAsync(Import(name, domain, apaEnd: "2026-06-30", administrators: ata));

        Assert.Equal((ImportOutcome.New, ImportOutcome.New), (dryRun.Agencies[0].Outcome, dryRun.Administrators[0].Outcome));
        Assert.Equal((true, ImportOutcome.New, ImportOutcome.New), (first.Applied, first.Agencies[0].Outcome, first.Administrators[0].Outcome));
        Assert.Equal((ImportOutcome.Unchanged, ImportOutcome.Unchanged), (again.Agencies[0].Outcome, again.Administrators[0].Outcome));
        Assert.Equal((ImportOutcome.Updated, ImportOutcome.Unchanged), (corrected.Agencies[0].Outcome, corrected.Administrators[0].Outcome));
        Assert.Equal(first.Agencies[0].Id, corrected.Agencies[0].Id);
        var agency = (await service.Agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = first.Agencies[0].Id })).Agency;
        Assert.Equal((name, "2026-06-30", false), (agency.Name, agency.ApaEndsOn, agency.ApaCurrent));
        var administrator = Assert.Single(agency.Administrators);
        Assert.Equal((first.Administrators[0].Id, AtaTrainingKind.BeforeGoLive, AtaCompliance.Compliant),
            (administrator.Id, administrator.TrainingKind, administrator.Compliance));
    }

    [Fact]
    public async Task ImportAgencies_ABatchWithARefusedRow_ImportsNothing_UnlessBadRowsAreSkipped()
    {
        var name = $"Refusal Shelter {Guid.NewGuid():N}"[..25];
        var domain = $"{Guid.NewGuid():N}.example.org";
        AdministratorImportRow[] rows = [Ata(2, name, $"ada@{domain}"), Ata(3, name, "ada.okoro@gmail.com")];

        var refused = await service.Agencies.ImportAgenciesAsync(Import(name, domain, administrators: rows));
        Assert.False(refused.Applied);
        Assert.Equal(0, await service.QueryAsync(db => db.Agencies.CountAsync(a => a.Name == name)));
        var problem = Assert.Single(refused.Administrators[1].Problems);
        Assert.Equal((ImportOutcome.Refused, 3, "email", "EMAIL_NOT_AGENCY_DOMAIN"),
            (refused.Administrators[1].Outcome, refused.Administrators[1].Line, problem.Column, problem.Reason));
        Assert.DoesNotContain("gmail", problem.Description, StringComparison.OrdinalIgnoreCase);

        var skipped = await service.Agencies.ImportAgenciesAsync(Import(name, domain, skipBadRows: true, administrators: rows));
        Assert.True(skipped.Applied);
        Assert.Equal([ImportOutcome.New, ImportOutcome.Refused], skipped.Administrators.Select(a => a.Outcome));
        Assert.Equal(1, await service.QueryAsync(db => db.AgencyAdministrators.CountAsync(a => a.AgencyId == Guid.Parse(skipped.Agencies[0].Id))));
    }

    [Fact]
    public async Task ImportAgencies_IsTheHmisTeamsWithTheImportScope_Only()
    {
        var name = $"Scope Shelter {Guid.NewGuid():N}"[..22];
        var request = Import(name, $"{Guid.NewGuid():N}.example.org");
        var agencySystem = new Agencies.AgenciesClient(service.ChannelWithToken(TestTokens.Issue()));
        var withoutScope = new Agencies.AgenciesClient(service.ChannelWithToken(
            TestTokens.Issue(scopes: PlatformIdentity.Scopes.Where(s => s != PlatformIdentity.DataImport), agencyId: null, role: PlatformIdentity.HmisTeamRole)));

        Assert.Equal(StatusCode.PermissionDenied, (await RpcErrors.CatchAsync(() => agencySystem.ImportAgenciesAsync(request).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RpcErrors.CatchAsync(() => withoutScope.ImportAgenciesAsync(request).ResponseAsync)).StatusCode);
        Assert.Equal(0, await service.QueryAsync(db => db.Agencies.CountAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task ExportJourneys_GivesEachStagesTime_ToTheHmisTeam_AndAnAgencyOnlyItsOwn()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"export.{Guid.NewGuid():N}"[..15] + "@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(submitted);
        var personId = submitted.Users[0].PersonId;
        // Whole seconds: Postgres keeps microseconds, and the stage's time is read back from it.
        var enrolledAt = DateTimeOffset.FromUnixTimeSeconds(submitted.SubmittedAt.Seconds + 90 * 60);
        await service.Redis.PublishAsync(service.StreamOf(TrainingEnrolled.Descriptor), new TrainingEnrolled
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(enrolledAt), PersonId = personId, AccessRequestId = submitted.Id,
        });
        await Eventually.ReturnsAsync(async () => (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.CurrentStage == JourneyStage.Training);
        // From the day before (the range is in the Continuum's days, behind UTC).
        var range = new ExportJourneysRequest
        {
            From = DateOnly.FromDateTime(submitted.SubmittedAt.ToDateTime()).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        var all = (await service.HmisTeam.ExportJourneys(range).ReadAllAsync()).SelectMany(b => b.Journeys).ToList();
        var lakeview = (await service.Client.ExportJourneys(range).ReadAllAsync()).SelectMany(b => b.Journeys).ToList();
        var southside = (await new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Issue(agencyId: DemoData.SouthsideAgencyId.ToString())))
            .ExportJourneys(range).ReadAllAsync()).SelectMany(b => b.Journeys).ToList();

        var journey = Assert.Single(all, j => j.PersonId == personId);
        Assert.Equal((submitted.Id, JourneyStage.Training, RequestType.NewAgencyUsers), (journey.AccessRequestId, journey.CurrentStage, journey.RequestType));
        var started = (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey.Stages[0].StartedAt.ToDateTimeOffset();
        Assert.Equal(enrolledAt - started, journey.RequestStage.ToTimeSpan());
        Assert.NotNull(journey.TrainingStage);
        Assert.Null(journey.AssessmentStage);
        Assert.Null(journey.CompletedAt);
        Assert.Contains(lakeview, j => j.PersonId == personId);
        Assert.All(lakeview, j => Assert.Equal(TestTokens.DefaultAgencyId, j.AgencyId));
        Assert.DoesNotContain(southside, j => j.AgencyId == TestTokens.DefaultAgencyId);

        var backwards = await RpcErrors.CatchAsync(() => service.HmisTeam.ExportJourneys(new ExportJourneysRequest { From = "2026-12-31", To = "2026-01-01" }).ReadAllAsync());
        Assert.Equal(StatusCode.InvalidArgument, backwards.StatusCode);
    }

    [Fact]
    public async Task ExportRequestAudit_GivesEveryChangeInTheRange_ToTheHmisTeamOnly()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"audit.{Guid.NewGuid():N}"[..14] + "@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(submitted);

        var changes = (await service.HmisTeam.ExportRequestAudit(new ExportRequestAuditRequest()).ReadAllAsync()).SelectMany(b => b.Changes)
            .Where(c => c.AccessRequestId == submitted.Id).ToList();
        var refused = await RpcErrors.CatchAsync(() => service.Client.ExportRequestAudit(new ExportRequestAuditRequest()).ReadAllAsync());

        Assert.Contains(changes, c => c.FromStatus == AccessRequestStatus.Submitted && c.ToStatus == AccessRequestStatus.InProgress);
        Assert.Equal(changes.OrderBy(c => c.OccurredAt.ToDateTimeOffset()).Select(c => c.ToStatus), changes.Select(c => c.ToStatus));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
