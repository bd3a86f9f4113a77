using HmisPlatform.Gateway.Exports;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using HmisPlatform.Gateway.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTokenServer();
builder.AddStaffIdentity();
builder.AddGatewayServices();
builder.AddCallerRateLimits();
builder.AddWebUi();
builder.AddGatewayTransport();

var app = builder.Build();
if (await app.RunMigrationIfRequestedAsync(args))
{
    return;
}

app.UseGatewayTransport();
app.UseTransientFailureResponses();
app.UseSecurityHeaders();
app.UseRouting();
app.UseAuthentication();
app.UseSessionForgeryCheck();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapAuthorizationEndpoint();
app.MapSignInPages();
app.MapGatewayEndpoints();
app.MapExports();
app.MapWebUi();
app.Run();

/// <summary>The entry point, visible to the gateway's tests.</summary>
public partial class Program;
