using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using Hmis.Events.V1;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Trainings;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.Assessment.IntegrationEvents;
using HmisPlatform.BuildingBlocks.Hosting;

namespace HmisPlatform.Assessment.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AssessmentPolicy>(builder.Configuration.GetSection("Assessment"));
        builder.Services.Configure<GradingThresholds>(builder.Configuration.GetSection("Assessment:Grading"));
        builder.Services.Configure<Prerequisites>(builder.Configuration.GetSection("Assessment:Prerequisites"));
        builder.Services.AddScoped<Seating>();
        builder.Services.AddScoped<Enrolment>();
        builder.Services.AddRecurringWork<AssignmentExpirySweep>();
        builder.AddDomainService<AssessmentDbContext>("assessment", ResourceNames.AssessmentDb)
            .Subscribe<TrainingCompleted, OpenAssignment>()
            .Subscribe<TrainingExpired, WithdrawOnLapsedTraining>();
    }
}
