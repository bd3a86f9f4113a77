using Hmis.Events.V1;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.Assessment.IntegrationEvents;
using HmisPlatform.BuildingBlocks.Hosting;

namespace HmisPlatform.Assessment.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder) =>
        builder.AddDomainService<AssessmentDbContext>("assessment", ResourceNames.AssessmentDb)
            .Subscribe<TrainingCompleted, OpenAssignment>();
}
