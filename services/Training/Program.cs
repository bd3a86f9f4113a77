using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Extensions;
using HmisPlatform.Training.Grpc;
using HmisPlatform.Training.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
if (await app.RunIfRequestedAsync<TrainingDbContext>(args))
{
    return;
}

app.MapDomainService<TrainingService>();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
