using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.IntegrationEvents;

namespace HmisPlatform.Requests.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AccessRequestRules>(builder.Configuration.GetSection("AccessRequests"));
        builder.Services.Configure<AtaTrainingCalendar>(builder.Configuration.GetSection("AtaTraining"));
        builder.Services.Configure<AtaTrainingSweepOptions>(builder.Configuration.GetSection("AtaTraining"));
        builder.Services.Configure<JourneyCensusOptions>(builder.Configuration.GetSection("Journeys"));
        builder.Services.Configure<StageTargets>(builder.Configuration.GetSection("Journeys:Targets"));
        builder.Services.AddScoped<JourneyOverview>();
        builder.AddCredentialingClient();
        builder.Services.AddSingleton<JourneyMetrics>();
        builder.Services.AddScoped<JourneyLog>();
        builder.Services.AddRecurringWork<JourneyCensus>(isSweep: false);
        builder.Services.AddRecurringWork<AtaTrainingSweep>();
        builder.AddDomainService<RequestsDbContext>("requests", ResourceNames.RequestsDb)
            .Subscribe<TrainingEnrolled, JourneyRecorder<TrainingEnrolled>>()
            .Subscribe<TrainingCompleted, JourneyRecorder<TrainingCompleted>>()
            .Subscribe<TrainingReminderDue, JourneyRecorder<TrainingReminderDue>>()
            .Subscribe<TrainingExpired, ExpireLapsedRequest>()
            .Subscribe<AssessmentWaitlisted, JourneyRecorder<AssessmentWaitlisted>>()
            .Subscribe<AssessmentScheduled, JourneyRecorder<AssessmentScheduled>>()
            .Subscribe<AssessmentWalkthroughScheduled, JourneyRecorder<AssessmentWalkthroughScheduled>>()
            .Subscribe<AssessmentRetrainingRequired, JourneyRecorder<AssessmentRetrainingRequired>>()
            .Subscribe<AssessmentExpired, ExpireLapsedRequest>()
            .Subscribe<AssessmentWaived, JourneyRecorder<AssessmentWaived>>()
            .Subscribe<HelpDeskNotified, JourneyRecorder<HelpDeskNotified>>()
            .Subscribe<AssessmentPassed, JourneyRecorder<AssessmentPassed>>()
            .Subscribe<AccountPendingAgreement, JourneyRecorder<AccountPendingAgreement>>()
            .Subscribe<EndUserAgreementSigned, JourneyRecorder<EndUserAgreementSigned>>()
            .Subscribe<CredentialsIssued, JourneyRecorder<CredentialsIssued>>()
            .Subscribe<AccessExtended, JourneyRecorder<AccessExtended>>()
            .Subscribe<AccessRemoved, JourneyRecorder<AccessRemoved>>();
    }

    /// <summary>Credentialing's gRPC API, found by service discovery, called as this service's own client identity.</summary>
    private static void AddCredentialingClient(this IHostApplicationBuilder builder)
    {
        builder.AddServiceClientIdentity(PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite);
        var address = PlatformTls.ServiceAddress(builder.Configuration, ResourceNames.CredentialingApi);
        builder.Services.AddGrpcClient<Credentials.CredentialsClient>(o => o.Address = address).AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddGrpcClient<LicenseCredits.LicenseCreditsClient>(o => o.Address = address).AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddScoped<CredentialingClient>();
        builder.Services.AddScoped<IAccountDirectory>(services => services.GetRequiredService<CredentialingClient>());
        builder.Services.AddScoped<ILicenseCredits>(services => services.GetRequiredService<CredentialingClient>());
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
