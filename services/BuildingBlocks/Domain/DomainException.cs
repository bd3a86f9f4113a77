namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// A rule refused the operation. <see cref="Reason"/> is an UPPER_SNAKE code callers can branch on;
/// <see cref="Message"/> is for people and must hold no personal data.
/// </summary>
public class DomainException(ErrorKind kind, string reason, string message) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    public string Reason { get; } = reason;

    public IReadOnlyList<FieldViolation> FieldViolations { get; init; } = [];

    /// <summary>Preconditions that failed, as (type, subject, description).</summary>
    public IReadOnlyList<PreconditionViolation> PreconditionViolations { get; init; } = [];

    /// <summary>Quotas that ran out, as (subject, description).</summary>
    public IReadOnlyList<QuotaViolation> QuotaViolations { get; init; } = [];

    public static DomainException Exhausted(string reason, string message, params QuotaViolation[] violations) =>
        new(ErrorKind.ResourceExhausted, reason, message) { QuotaViolations = violations };

    public static DomainException Invalid(string reason, string message, params FieldViolation[] violations) =>
        new(ErrorKind.InvalidArgument, reason, message) { FieldViolations = violations };

    public static DomainException Precondition(string reason, string message, params PreconditionViolation[] violations) =>
        new(ErrorKind.FailedPrecondition, reason, message) { PreconditionViolations = violations };

    public static DomainException NotFound(string reason, string message) => new(ErrorKind.NotFound, reason, message);

    public static DomainException PermissionDenied(string reason, string message, params FieldViolation[] violations) =>
        new(ErrorKind.PermissionDenied, reason, message) { FieldViolations = violations };
}
