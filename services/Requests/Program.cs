using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Extensions;
using HmisPlatform.Requests.Grpc;
using HmisPlatform.Requests.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
if (await app.RunIfRequestedAsync<RequestsDbContext>(args, DemoData.SeedAsync))
{
    return;
}

app.MapDomainService<AccessRequestsService>();
app.MapGrpcService<AgenciesService>().RequireAuthorization();
app.MapDemoDataReseed();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
