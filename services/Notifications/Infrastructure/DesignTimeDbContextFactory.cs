using HmisPlatform.BuildingBlocks.Persistence;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : DesignTimeDbContextFactory<NotificationsDbContext>;
