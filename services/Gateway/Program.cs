using HmisPlatform.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
// "/" becomes "/index.html" before routing picks an endpoint.
app.UseDefaultFiles();
app.UseRouting();
app.MapDefaultEndpoints();
app.MapGatewayEndpoints();
app.Run();
