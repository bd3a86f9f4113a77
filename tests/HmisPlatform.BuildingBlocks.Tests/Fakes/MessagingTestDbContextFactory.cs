using HmisPlatform.BuildingBlocks.Persistence;

namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>Lets <c>dotnet ef migrations add</c> build the test model.</summary>
internal sealed class MessagingTestDbContextFactory : DesignTimeDbContextFactory<MessagingTestDbContext>;
