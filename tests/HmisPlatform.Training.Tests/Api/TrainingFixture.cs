using HmisPlatform.Testing;
using HmisPlatform.Training.Infrastructure;

namespace HmisPlatform.Training.Tests.Api;

/// <summary>The Training service on its own database.</summary>
public sealed class TrainingFixture : ServiceFixture<Program, TrainingDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.TrainingDb;

    public Hmis.Training.V1.Training.TrainingClient Client => new(Channel);
}
