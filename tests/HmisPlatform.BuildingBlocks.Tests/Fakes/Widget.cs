namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>A row a test handler writes, so a test can count how often an event was applied.</summary>
public sealed class Widget(Guid id, string name)
{
    public Guid Id { get; private set; } = id;

    public string Name { get; private set; } = name;
}
