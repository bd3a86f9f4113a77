namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>How many times the test handler fails before it succeeds.</summary>
public sealed class FailurePlan
{
    public int FailuresLeft;
}
