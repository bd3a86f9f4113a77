using HmisPlatform.BuildingBlocks.Persistence;

namespace HmisPlatform.Credentialing.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : DesignTimeDbContextFactory<CredentialingDbContext>;
