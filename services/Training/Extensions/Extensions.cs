using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Training.Infrastructure;
using HmisPlatform.Training.Infrastructure.Lms;
using HmisPlatform.Training.IntegrationEvents;

namespace HmisPlatform.Training.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TrainingOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddScoped<LmsAccountRegistry>();
        builder.AddLmsConnector();
        builder.Services.AddRecurringWork<LmsSync>(isSweep: false);
        builder.Services.AddRecurringWork<TrainingRecencySweep>();
        builder.AddDomainService<TrainingDbContext>("training", ResourceNames.TrainingDb)
            .Subscribe<AccessRequestApproved, EnrolLearningPath>()
            .Subscribe<AccountPendingAgreement, ClosePathAtStepFour>()
            .Subscribe<AssessmentRetrainingRequired, ReopenForRetraining>();
    }
}
