namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>One bad field of a request: its path in the request (snake_case, as in the .proto) and why.</summary>
public sealed record FieldViolation(string Field, string Description, string? Reason = null);
