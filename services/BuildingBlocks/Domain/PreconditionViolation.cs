namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>A precondition that was not met: what kind, on what subject, and why.</summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);
