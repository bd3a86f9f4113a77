using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.IntegrationEvents;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using AtaTrainingCalendar = HmisPlatform.Requests.Domain.Agencies.AtaTrainingCalendar;
using ProjectType = Hmis.Common.V1.ProjectType;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The HMIS team keeps agencies and their ATAs; the ATA training rule decides who may submit.</summary>
public sealed class AgenciesTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private async Task<Agency> CreateAsync(string name, string domain) => (await service.Agencies.CreateAgencyAsync(new CreateAgencyRequest
    {
        RequestId = Guid.NewGuid().ToString(), Name = name, EmailDomains = { domain }, InHmis = true, ApaSignedOn = "2025-01-01", ApaEndsOn = "2030-12-31",
        Projects = { new AgencyProject { Name = "Shelter", ProjectType = ProjectType.EmergencyShelter } },
    })).Agency;

    [Fact]
    public async Task Agency_CreatedUpdatedAndRead_ShowsItsApaAndProjects()
    {
        var created = await CreateAsync("Northside Housing", "northside.example.org");
        var updated = (await service.Agencies.UpdateAgencyAsync(new UpdateAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = created.Id, Name = "Northside Housing Alliance", EmailDomains = { "northside.example.org", "nha.example.org" },
            InHmis = true, ApaSignedOn = "2025-01-01", ApaEndsOn = "2025-12-31",
            Projects = { new AgencyProject { Name = "PSH", ProjectType = ProjectType.HousingPshRrhSingles } },
        })).Agency;
        var read = (await service.Agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = created.Id })).Agency;

        Assert.True(created.ApaCurrent);
        Assert.False(read.ApaCurrent);
        Assert.Equal(updated, read);
        Assert.Equal(["northside.example.org", "nha.example.org"], read.EmailDomains);
        Assert.Contains((await service.Agencies.ListAgenciesAsync(new ListAgenciesRequest())).Agencies, a => a.Id == created.Id);
    }

    [Fact]
    public async Task Agency_WithBadDomainAndDates_IsRefusedWithEachField()
    {
        var error = await RpcErrors.CatchAsync(() => service.Agencies.CreateAgencyAsync(new CreateAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "Bad", EmailDomains = { "@bad" }, ApaSignedOn = "2026-05-01", ApaEndsOn = "2026-01-01",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["email_domains[0]", "apa_ends_on"], error.ViolatedFields());
    }

    [Fact]
    public async Task AgencySystem_CannotCreateAgencies_AndSeesOnlyItsOwn()
    {
        var agencySystem = new Agencies.AgenciesClient(service.Channel);

        var error = await RpcErrors.CatchAsync(() => agencySystem.CreateAgencyAsync(new CreateAgencyRequest { RequestId = Guid.NewGuid().ToString(), Name = "Mine" }).ResponseAsync);
        var listed = await agencySystem.ListAgenciesAsync(new ListAgenciesRequest());

        Assert.Equal("HMIS_TEAM_ONLY", error.Reason());
        Assert.Equal([DemoData.LakeviewAgencyId.ToString()], listed.Agencies.Select(a => a.Id));
    }

    [Fact]
    public async Task UntrainedAta_PastTheDeadline_CannotSubmit_AndIsListedForRemoval_UntilTrained()
    {
        var agency = await CreateAsync("Untrained ATA agency", "untrained.example.org");
        var ataId = Guid.NewGuid();
        // Named long before today: the grace period is over.
        var named = await service.Agencies.AddAgencyAdministratorAsync(new AddAgencyAdministratorRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = agency.Id, PersonId = ataId.ToString(), FullName = "Una Trained", Email = "una@untrained.example.org", Role = AdministratorRole.Ata,
        });
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE agency_administrators SET appointed_on = DATE '2025-11-01' WHERE id = {ataId}"));
        var ata = new AccessRequests.AccessRequestsClient(service.ChannelWithToken(TestTokens.Person(ataId, Caller.AtaRole, agency.Id)));
        var submit = Requests.NewAgencyUser("new.hire@untrained.example.org");
        (submit.AgencyId, submit.AtaId) = (agency.Id, "");

        var refused = await RpcErrors.CatchAsync(() => ata.SubmitAccessRequestAsync(submit).ResponseAsync);
        var listed = await service.Agencies.ListAtasSubjectToRemovalAsync(new ListAtasSubjectToRemovalRequest());
        await service.Agencies.RecordAtaTrainingAsync(new RecordAtaTrainingRequest
        {
            RequestId = Guid.NewGuid().ToString(), AdministratorId = ataId.ToString(), Kind = AtaTrainingKind.LmsCourse, CompletedOn = "2026-01-04",
        });
        submit.RequestId = Guid.NewGuid().ToString();
        var accepted = (await ata.SubmitAccessRequestAsync(submit)).AccessRequest;

        Assert.Equal(AtaCompliance.Due, named.Administrator.Compliance);
        Assert.Equal((StatusCode.FailedPrecondition, "ATA_TRAINING_INCOMPLETE"), (refused.StatusCode, refused.Reason()));
        Assert.Contains(listed.Administrators, a => a.Id == ataId.ToString());
        Assert.DoesNotContain((await service.Agencies.ListAtasSubjectToRemovalAsync(new ListAtasSubjectToRemovalRequest())).Administrators, a => a.Id == ataId.ToString());
        Assert.Equal(AccessRequestStatus.Submitted, accepted.Status);
    }

    private AtaTrainingSweep SweepAt(DateTimeOffset now) => new(
        service.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now), Options.Create(new AtaTrainingCalendar()),
        Options.Create(new AtaTrainingSweepOptions()), service.Services.GetRequiredService<OutboxSignal>(), NullLogger<AtaTrainingSweep>.Instance);

    [Fact]
    public async Task UntrainedAta_IsRemindedOfTheDeadline_ThenToldItWasMissed_EachOnce_AndATrainedOneNever()
    {
        var agency = await CreateAsync("Deadline agency", "deadline.example.org");
        var (untrainedId, trainedId) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, name) in new[] { (untrainedId, "Nia Late"), (trainedId, "Omar Early") })
        {
            await service.Agencies.AddAgencyAdministratorAsync(new AddAgencyAdministratorRequest
            {
                RequestId = Guid.NewGuid().ToString(), AgencyId = agency.Id, PersonId = id.ToString(), FullName = name, Email = $"{id:N}@deadline.example.org", Role = AdministratorRole.Ata,
            });
        }
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE agency_administrators SET appointed_on = DATE '2026-12-02' WHERE agency_id = {Guid.Parse(agency.Id)}"));
        await service.Agencies.RecordAtaTrainingAsync(new RecordAtaTrainingRequest
        {
            RequestId = Guid.NewGuid().ToString(), AdministratorId = trainedId.ToString(), Kind = AtaTrainingKind.LiveSession, CompletedOn = "2026-12-02",
        });
        // Named on 2026-12-02: the deadline is 30 days on, 2027-01-01.

        await SweepAt(new DateTimeOffset(2026, 12, 17, 12, 0, 0, TimeSpan.Zero)).RunOnceAsync(default);
        await SweepAt(new DateTimeOffset(2026, 12, 18, 12, 0, 0, TimeSpan.Zero)).RunOnceAsync(default);
        await SweepAt(new DateTimeOffset(2026, 12, 19, 12, 0, 0, TimeSpan.Zero)).RunOnceAsync(default);
        await SweepAt(new DateTimeOffset(2027, 1, 2, 12, 0, 0, TimeSpan.Zero)).RunOnceAsync(default);
        await SweepAt(new DateTimeOffset(2027, 1, 3, 12, 0, 0, TimeSpan.Zero)).RunOnceAsync(default);

        var notices = await Eventually.ReturnsAsync(
            () => service.Redis.ReadAllAsync<AtaTrainingDeadlineNotice>(service.StreamOf(AtaTrainingDeadlineNotice.Descriptor)),
            events => events.Count(e => e.AgencyId == agency.Id) >= 2);
        var ofAgency = notices.Where(e => e.AgencyId == agency.Id).ToList();
        Assert.Equal([(untrainedId.ToString(), false), (untrainedId.ToString(), true)], ofAgency.Select(e => (e.Ata.Id, e.Missed)));
        Assert.All(ofAgency, e => Assert.Equal(("2027-01-01", "HMIS Access Process", $"{untrainedId:N}@deadline.example.org"), (e.Deadline, e.Course, e.Ata.Email)));
    }
}
