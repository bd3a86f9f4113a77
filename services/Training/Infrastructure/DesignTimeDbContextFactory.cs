using HmisPlatform.BuildingBlocks.Persistence;

namespace HmisPlatform.Training.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : DesignTimeDbContextFactory<TrainingDbContext>;
