using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Extensions;
using HmisPlatform.Credentialing.Grpc;
using HmisPlatform.Credentialing.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
if (await app.RunIfRequestedAsync<CredentialingDbContext>(args, DemoData.SeedAsync))
{
    return;
}

app.MapDomainService<CredentialsService>();
app.MapGrpcService<LicenseCreditsService>().RequireAuthorization();
app.MapGrpcService<AccessReviewsService>().RequireAuthorization();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
