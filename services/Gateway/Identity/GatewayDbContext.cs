using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Gateway.Identity;

/// <summary>The gateway's database, <c>gatewaydb</c>: registered clients, their authorizations and tokens.</summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseOpenIddict();
}
