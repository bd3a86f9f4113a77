using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTokenServer();
builder.AddGatewayServices();
builder.AddCallerRateLimits();

var app = builder.Build();
if (await app.RunMigrationIfRequestedAsync(args))
{
    return;
}

// "/" becomes "/index.html" before routing picks an endpoint.
app.UseDefaultFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapGatewayEndpoints();
app.Run();

/// <summary>The entry point, visible to the gateway's tests.</summary>
public partial class Program;
