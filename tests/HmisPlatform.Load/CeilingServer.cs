using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HmisPlatform.Load.Ceiling;

/// <summary>
/// What this machine can do at most for one write call: a gRPC server (Kestrel, HTTP/2 on loopback) whose one method
/// inserts one row with a pooled EF Core context into a database on the platform's own Postgres. Every figure of a
/// run is a ratio to it, measured in the same run.
/// </summary>
public sealed class CeilingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CeilingServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<CeilingServer> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddDbContextPool<CeilingDb>(options => options.UseNpgsql(connectionString));
        var app = builder.Build();
        app.MapGrpcService<CeilingService>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CeilingDb>().Database.EnsureCreatedAsync();
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single();
        return new CeilingServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class CeilingRow
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

public sealed class CeilingDb(DbContextOptions<CeilingDb> options) : DbContext(options)
{
    public DbSet<CeilingRow> Rows => Set<CeilingRow>();
}

public sealed class CeilingService(CeilingDb db) : Ceiling.CeilingBase
{
    public override async Task<InsertResponse> Insert(InsertRequest request, ServerCallContext context)
    {
        var row = new CeilingRow { Id = Guid.Parse(request.RequestId), Text = request.Text, At = DateTimeOffset.UtcNow };
        db.Rows.Add(row);
        await db.SaveChangesAsync(context.CancellationToken);
        return new InsertResponse { Id = row.Id.ToString() };
    }
}
