using Hmis.Assessment.V1;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Hosting;
using Microsoft.FluentUI.AspNetCore.Components;

namespace HmisPlatform.Gateway.Web;

/// <summary>
/// The web UI the gateway serves to the HMIS team, the CE team, ATAs and trainees: Blazor with interactive server
/// rendering, over the services' own gRPC APIs, each call made with the signed-in person's own token.
/// </summary>
public static class WebUi
{
    /// <summary>Where a signed-in person lands on a page of another role (the session cookie's access-denied path).</summary>
    public const string NotForYourRolePath = "/not-for-your-role";

    /// <summary>How long a page waits for a service before it says the service is not answering.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(8);

    public static void AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.UseContinuumTimeZone();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Fluent UI: the components, the theme (light, dark or the system's, kept in the browser) and toasts.
        builder.Services.AddFluentUIComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddScoped<PlatformCalls>();
        builder.Services.AddScoped<PageRefusalAudit>();
        AddClient<AccessRequests.AccessRequestsClient>(builder, ResourceNames.RequestsApi);
        AddClient<Agencies.AgenciesClient>(builder, ResourceNames.RequestsApi);
        AddClient<Hmis.Training.V1.Training.TrainingClient>(builder, ResourceNames.TrainingApi);
        AddClient<SampleClientAssignments.SampleClientAssignmentsClient>(builder, ResourceNames.AssessmentApi);
        AddClient<Credentials.CredentialsClient>(builder, ResourceNames.CredentialingApi);
        AddClient<LicenseCredits.LicenseCreditsClient>(builder, ResourceNames.CredentialingApi);
        AddClient<AccessReviews.AccessReviewsClient>(builder, ResourceNames.CredentialingApi);
        AddClient<Hmis.Notifications.V1.Notifications.NotificationsClient>(builder, ResourceNames.NotificationsApi);
    }

    public static void MapWebUi(this WebApplication app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    /// <summary>
    /// A service's gRPC API, found by service discovery; no retries of its own, so a down service answers fast. A refusal
    /// of a page's call is audited like a proxied one.
    /// </summary>
    private static void AddClient<TClient>(IHostApplicationBuilder builder, string service) where TClient : class =>
        builder.Services.AddGrpcClient<TClient>(o => o.Address = PlatformTls.ServiceAddress(builder.Configuration, service))
            .AddInterceptor<PageRefusalAudit>(global::Grpc.Net.ClientFactory.InterceptorScope.Client);
}
