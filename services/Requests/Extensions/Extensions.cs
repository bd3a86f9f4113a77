using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.IntegrationEvents;

namespace HmisPlatform.Requests.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AccessRequestRules>(builder.Configuration.GetSection("AccessRequests"));
        builder.AddDomainService<RequestsDbContext>("requests", ResourceNames.RequestsDb)
            .Subscribe<TrainingEnrolled, JourneyRecorder<TrainingEnrolled>>()
            .Subscribe<TrainingCompleted, JourneyRecorder<TrainingCompleted>>()
            .Subscribe<AssessmentScheduled, JourneyRecorder<AssessmentScheduled>>()
            .Subscribe<AssessmentPassed, JourneyRecorder<AssessmentPassed>>()
            .Subscribe<AccountPendingAgreement, JourneyRecorder<AccountPendingAgreement>>()
            .Subscribe<EndUserAgreementSigned, JourneyRecorder<EndUserAgreementSigned>>()
            .Subscribe<CredentialsIssued, JourneyRecorder<CredentialsIssued>>()
            .Subscribe<AccessRemoved, JourneyRecorder<AccessRemoved>>();
    }

    /// <summary>In Development, a POST that restores the demo data; the AppHost's dashboard command calls it.</summary>
    public static void MapDemoDataReseed(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/dev/reseed", async (RequestsDbContext db, CancellationToken ct) =>
            {
                await DemoData.SeedAsync(db, ct);
                return Results.NoContent();
            });
        }
    }
}
