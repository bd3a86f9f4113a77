using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Events.V1;
using Hmis.Training.V1;
using HmisPlatform.Testing;
using HmisPlatform.Training.Infrastructure;
using HmisPlatform.Training.IntegrationEvents;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.Training.Tests.Lms;

/// <summary>The Training service with the TalentLMS connector on: it enrols learners and reads their progress itself.</summary>
public sealed class TalentLmsTrainingFixture : ServiceFixture<Program, TrainingDbContext>
{
    public FakeTalentLms Lms { get; private set; } = null!;

    protected override string DatabaseConnectionName => ResourceNames.TrainingDb;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Lms:Mode"] = "TalentLms",
        ["Lms:SyncInterval"] = "01:00:00",
        ["Lms:TalentLms:BaseAddress"] = Lms.BaseAddress.ToString(),
        ["Lms:TalentLms:ApiKey"] = FakeTalentLms.ApiKey,
        ["Lms:TalentLms:Courses:INTRO_HMIS_READ_ONLY"] = "21",
    };

    protected override async Task BeforeStartAsync() => Lms = await FakeTalentLms.StartAsync();

    protected override ValueTask AfterStopAsync() => Lms.DisposeAsync();
}

public sealed class LmsSyncTests(TalentLmsTrainingFixture service) : IClassFixture<TalentLmsTrainingFixture>
{
    [Fact]
    public async Task Sync_EnrolsTheLearner_ThenTheirLmsProgressCompletesThePathOnce()
    {
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), new AccessRequestApproved
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            AccessRequestId = Guid.NewGuid().ToString(),
            AgencyId = TestTokens.DefaultAgencyId,
            Applicant = new Applicant { PersonId = person.ToString(), GivenName = "Sam", FamilyName = "Sync", Email = "sam.sync@agency.example.org" },
            Access = new Access { Responsibilities = { Responsibility.ReadOnly }, ProjectTypes = { ProjectType.ServicesOnly } },
            AgencyEmailDomains = { "agency.example.org" },
        });
        var client = new Hmis.Training.V1.Training.TrainingClient(service.Channel);
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() })).LearningPath;
            }
            catch (RpcException)
            {
                return null;
            }
        }, p => p is not null);
        var sync = service.Services.GetRequiredService<LmsSync>();

        await sync.RunOnceAsync(default);
        service.Lms.SetProgress("sam.sync@agency.example.org", "21", 100);
        await sync.RunOnceAsync(default);
        await sync.RunOnceAsync(default);

        var path = (await client.GetLearningPathAsync(new GetLearningPathRequest { PersonId = person.ToString() })).LearningPath;
        Assert.Equal(1, service.Lms.EnrolmentsOf("sam.sync@agency.example.org"));
        Assert.NotNull(path.CompletedAt);
        // The course counts from when the LMS says it was completed.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), path.Courses.Single().CompletedAt.ToDateTimeOffset());
        Assert.Single(await service.Redis.WaitForAsync<TrainingCompleted>(service.StreamOf(TrainingCompleted.Descriptor), c => c.PersonId == person.ToString()));
    }
}
