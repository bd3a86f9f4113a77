namespace HmisPlatform.EndToEnd.Tests;

/// <summary>The end-to-end tests share one running platform and take turns on it.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
