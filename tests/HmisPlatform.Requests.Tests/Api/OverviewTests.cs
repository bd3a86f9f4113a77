using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using JourneyStage = Hmis.Requests.V1.JourneyStage;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>The HMIS team's overview, on its own database so the figures are exactly this test's.</summary>
public sealed class OverviewTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private async Task<AccessRequest> SubmitAsync(string email) => (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser(email))).AccessRequest;

    private async Task EnterTrainingAsync(AccessRequest request, TimeSpan after)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var person = Guid.Parse(request.Users[0].PersonId);
        await scope.ServiceProvider.GetRequiredService<JourneyLog>().RecordAsync(
            new JourneyEntry(person, Guid.Parse(request.Id), Guid.NewGuid(), global::HmisPlatform.Requests.Domain.Journeys.JourneyStage.Training, "TrainingEnrolled", request.SubmittedAt.ToDateTimeOffset() + after), default);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task Overview_CountsPeoplePerStageAndPastTarget_TimesStages_AndCountsRequestsPerWeek()
    {
        var fast = await SubmitAsync("ana.fast@lakeview.example.org");
        var slow = await SubmitAsync("ben.slow@lakeview.example.org");
        var waiting = await SubmitAsync("cleo.waiting@lakeview.example.org");
        await EnterTrainingAsync(fast, TimeSpan.FromDays(2));
        await EnterTrainingAsync(slow, TimeSpan.FromDays(4));
        // Cleo's request has waited six days for review: past the 5-day target.
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE journeys SET stage_started_at = stage_started_at - INTERVAL '6 days' WHERE person_id = {Guid.Parse(waiting.Users[0].PersonId)}"));

        var overview = await service.HmisTeam.GetOverviewAsync(new GetOverviewRequest());

        var stages = overview.Stages.ToDictionary(s => s.Stage);
        Assert.Equal(Enum.GetValues<JourneyStage>().Where(s => s != JourneyStage.Unspecified), overview.Stages.Select(s => s.Stage));
        Assert.Equal((1, 1, TimeSpan.FromDays(5)), (stages[JourneyStage.Request].People, stages[JourneyStage.Request].OverTarget, stages[JourneyStage.Request].Target.ToTimeSpan()));
        Assert.Equal((2, 0), (stages[JourneyStage.Training].People, stages[JourneyStage.Training].OverTarget));
        Assert.Null(stages[JourneyStage.Complete].Target);
        var request = Assert.Single(overview.Durations);
        Assert.Equal((JourneyStage.Request, 2), (request.Stage, request.People));
        // Two and four days: the median is three, and the 90th percentile (interpolated) 3.8.
        Assert.Equal((3.0, 3.8), (request.MedianDays, request.P90Days));
        var week = Assert.Single(overview.Weekly);
        var submitted = DateOnly.FromDateTime(fast.SubmittedAt.ToDateTime());
        Assert.Equal((submitted.AddDays(-(((int)submitted.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd"), RequestType.NewAgencyUsers, 3), (week.WeekOf, week.Type, week.Requests));
    }

    [Fact]
    public async Task Overview_IsTheHmisTeams_AndWeeksAreBounded()
    {
        var byAgency = await RpcErrors.CatchAsync(() => service.Client.GetOverviewAsync(new GetOverviewRequest()).ResponseAsync);
        var tooMany = await RpcErrors.CatchAsync(() => service.HmisTeam.GetOverviewAsync(new GetOverviewRequest { Weeks = 53 }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "HMIS_TEAM_ONLY"), (byAgency.StatusCode, byAgency.Reason()));
        Assert.Equal(["weeks"], tooMany.ViolatedFields());
    }
}
