using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTokenServer();
builder.AddGatewayServices();

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
app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapGatewayEndpoints();
app.Run();
