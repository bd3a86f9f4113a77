namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>A quota that ran out: what it is about (such as <c>agencies/{id}</c>) and which quota.</summary>
public sealed record QuotaViolation(string Subject, string Description);
