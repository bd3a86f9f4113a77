using HmisPlatform.Notifications.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HmisPlatform.Notifications.Tests;

/// <summary>The Notifications service on its own database, sending to a real SMTP server the fixture runs on loopback.</summary>
public sealed class NotificationsFixture : ServiceFixture<Program, NotificationsDbContext>
{
    public TestSmtpServer Smtp { get; } = new(FreePort.Next());

    /// <summary>The service's clock, so retries and digests are due when a test says.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    protected override string DatabaseConnectionName => ResourceNames.NotificationsDb;

    public Hmis.Notifications.V1.Notifications.NotificationsClient As(string token) => new(ChannelWithToken(token));

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Timeout"] = "00:00:03",
        // The test SMTP server speaks plain SMTP, as the local mail catcher does.
        ["Smtp:RequireTls"] = "false",
        ["Notifications:HmisTeamEmail"] = "hmis-team@hmis.example.org",
        ["Notifications:CeTeamEmail"] = "ce-team@hmis.example.org",
        ["Notifications:UiBaseUrl"] = "https://hmis.example.org/",
        ["Notifications:LmsUrl"] = "https://lms.example.org/",
        ["Notifications:Delivery:MaxAttempts"] = "3",
        ["Notifications:Delivery:FirstRetry"] = "00:01:00",
        ["Notifications:DigestHour"] = "17",
        // The workers' own rounds wait on the fake clock; tests run rounds themselves.
        ["Notifications:DeliveryInterval"] = "1.00:00:00",
        ["Notifications:DigestInterval"] = "1.00:00:00",
    };

    protected override Task BeforeStartAsync()
    {
        Smtp.Start();
        return Task.CompletedTask;
    }

    protected override async ValueTask AfterStopAsync() => await Smtp.DisposeAsync();

    public FakeActivationLinks ActivationLinks { get; } = new();

    public FakeTraineeSignIns SignIns { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.Replace(ServiceDescriptor.Singleton<IActivationLinks>(ActivationLinks));
        services.Replace(ServiceDescriptor.Singleton<ITraineeSignIns>(SignIns));
    }

    public DeliveryWorker Delivery => Services.GetRequiredService<DeliveryWorker>();

    public DigestWorker Digests => Services.GetRequiredService<DigestWorker>();
}
