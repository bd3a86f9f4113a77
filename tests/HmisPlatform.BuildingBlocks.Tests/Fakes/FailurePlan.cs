namespace HmisPlatform.BuildingBlocks.Tests.Fakes;

/// <summary>How many times the test handler fails before it succeeds.</summary>
public sealed class FailurePlan
{
    public int FailuresLeft;

    /// <summary>Whether the failures are a database briefly away (transient) rather than a handler's own fault.</summary>
    public bool Transient;
}
