using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Credentialing.IntegrationEvents;

namespace HmisPlatform.Credentialing.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<CreditPricing>(builder.Configuration.GetSection("Credits"));
        builder.AddDomainService<CredentialingDbContext>("credentialing", ResourceNames.CredentialingDb)
            .Subscribe<AccessRequestApproved, KeepApplicant>()
            .Subscribe<AssessmentPassed, IssuePendingAccount>();
    }
}
