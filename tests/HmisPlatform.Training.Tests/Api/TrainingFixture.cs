using HmisPlatform.Testing;
using HmisPlatform.Training.Infrastructure;

namespace HmisPlatform.Training.Tests.Api;

/// <summary>The Training service on its own database.</summary>
public sealed class TrainingFixture : ServiceFixture<Program, TrainingDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.TrainingDb;

    public Hmis.Training.V1.Training.TrainingClient Client => new(Channel);

    /// <summary>The LMS's own integration, the one caller besides the HMIS team that reports progress.</summary>
    public Hmis.Training.V1.Training.TrainingClient Lms => new(ChannelWithToken(TestTokens.Lms()));
}
