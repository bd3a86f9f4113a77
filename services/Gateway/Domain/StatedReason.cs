using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Gateway.Domain;

/// <summary>
/// Why the HMIS team revokes a client or deactivates a person, for the audit record: required and bounded. It is
/// free text, so it is kept in the record and never written to a log.
/// </summary>
public static class StatedReason
{
    public const int MaxLength = 500;
    public const string InvalidReason = "INVALID_REASON";

    public static string Parse(string reason)
    {
        var trimmed = reason.Trim();
        return trimmed.Length is 0 or > MaxLength
            ? throw DomainException.Invalid(InvalidReason, "A reason is required.",
                new FieldViolation("reason", $"required, at most {MaxLength} characters", InvalidReason))
            : trimmed;
    }
}
