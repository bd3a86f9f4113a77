using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Assessment.Extensions;
using HmisPlatform.Assessment.Grpc;
using HmisPlatform.Assessment.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
if (await app.RunIfRequestedAsync<AssessmentDbContext>(args))
{
    return;
}

app.MapDomainService<SampleClientAssignmentsService>();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
