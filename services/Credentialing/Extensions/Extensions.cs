using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.Domain.Provisioning;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Credentialing.IntegrationEvents;

namespace HmisPlatform.Credentialing.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<CreditPricing>(builder.Configuration.GetSection("Credits"));
        builder.Services.Configure<InactivityPolicy>(builder.Configuration.GetSection("Inactivity"));
        builder.Services.Configure<ActivationOptions>(builder.Configuration.GetSection("Activation"));
        builder.Services.AddScoped<IHmisProvisioning, RecordedHmisProvisioning>();
        builder.Services.AddScoped<AccountIssuance>();
        builder.Services.Configure<InactivitySweepOptions>(builder.Configuration.GetSection("Inactivity"));
        builder.Services.AddRecurringWork<InactivitySweep>();
        builder.Services.AddRecurringWork<AccessReviewReminders>();
        builder.AddDomainService<CredentialingDbContext>("credentialing", ResourceNames.CredentialingDb)
            .Subscribe<AccessRequestApproved, KeepApplicant>()
            .Subscribe<AssessmentPassed, IssuePendingAccount>()
            .Subscribe<AssessmentWaived, IssueOnWaivedAssessment>()
            .Subscribe<TrainingCompleted, IssueReadOnlyAccount>()
            .Subscribe<AccessRequestStatusChanged, ReleaseClosedRequestCredits>();
    }
}
