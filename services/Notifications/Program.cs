using HmisPlatform.BuildingBlocks.Hosting;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Notifications.Extensions;
using HmisPlatform.Notifications.Grpc;
using HmisPlatform.Notifications.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
if (await app.RunIfRequestedAsync<NotificationsDbContext>(args))
{
    return;
}

app.MapDomainService<NotificationsService>();
app.MapGrpcService<InvitationsService>().RequireAuthorization();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
