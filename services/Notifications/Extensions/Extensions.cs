using HmisPlatform.BuildingBlocks.Hosting.TestClock;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Notifications.Infrastructure;
using HmisPlatform.Notifications.IntegrationEvents;

namespace HmisPlatform.Notifications.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.Configure<DeliveryPolicy>(builder.Configuration.GetSection("Notifications:Delivery"));
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        builder.Services.AddSingleton<Templates>();
        builder.Services.AddSingleton<IMailer, SmtpMailer>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddSingleton<EmailSeal>();
        builder.AddPlatformDataProtection<NotificationsDbContext>("HmisPlatform.Notifications");
        builder.RequireInProduction("Smtp:RequireTls is off: e-mail with activation links would cross the network in clear.",
            configuration => configuration.GetValue("Smtp:RequireTls", true));
        builder.RequireInProduction("Notifications:UiBaseUrl is not an HTTPS address.",
            configuration => ProductionReadiness.IsHttps(configuration["Notifications:UiBaseUrl"]));
        builder.AddPlatformClients();
        builder.Services.AddRecurringWork<DeliveryWorker>(isSweep: false);
        builder.Services.AddRecurringWork<DigestWorker>();
        builder.AddDomainService<NotificationsDbContext>("notifications", ResourceNames.NotificationsDb)
            .Subscribe<AccessRequestSubmitted, KeepRequestContact>()
            .Subscribe<NewHireValidated, KeepRequestContact>()
            .Subscribe<AccessRequestApproved, NotifyOnEvents>()
            .Subscribe<AccessRequestStatusChanged, NotifyOnEvents>()
            .Subscribe<TrainingReminderDue, NotifyOnEvents>()
            .Subscribe<AssessmentScheduled, NotifyOnEvents>()
            .Subscribe<AssessmentAttemptGraded, NotifyOnEvents>()
            .Subscribe<AssessmentWalkthroughScheduled, NotifyOnEvents>()
            .Subscribe<AssessmentExpired, NotifyOnEvents>()
            .Subscribe<AccountPendingAgreement, NotifyOnEvents>()
            .Subscribe<CredentialsIssued, NotifyOnEvents>()
            .Subscribe<InactivityWarning, NotifyOnEvents>()
            .Subscribe<AccessRemoved, NotifyOnEvents>()
            .Subscribe<AtaTrainingDeadlineNotice, NotifyOnEvents>()
            .Subscribe<AssessmentWaived, NotifyOnEvents>()
            .Subscribe<HelpDeskNotified, NotifyOnEvents>()
            .Subscribe<AccessExtended, NotifyOnEvents>()
            .Subscribe<AccountImported, NotifyOnEvents>()
            .Subscribe<AccessReviewReminderDue, NotifyOnEvents>();
    }

    /// <summary>
    /// Credentialing's gRPC API (activation links) and the gateway's register of people (trainees' sign-ins), found by
    /// service discovery, called as this service's own client identity.
    /// </summary>
    private static void AddPlatformClients(this IHostApplicationBuilder builder)
    {
        builder.AddServiceClientIdentity(PlatformIdentity.CredentialsActivate, PlatformIdentity.StaffInviteTrainee);
        builder.Services.AddGrpcClient<Hmis.Credentialing.V1.Credentials.CredentialsClient>(
                o => o.Address = PlatformTls.ServiceAddress(builder.Configuration, ResourceNames.CredentialingApi))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddGrpcClient<Hmis.Gateway.V1.StaffAccounts.StaffAccountsClient>(
                o => o.Address = PlatformTls.ServiceAddress(builder.Configuration, ResourceNames.Gateway))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddScoped<IActivationLinks, CredentialingActivationLinks>();
        builder.Services.AddScoped<ITraineeSignIns, GatewayTraineeSignIns>();
    }
}
