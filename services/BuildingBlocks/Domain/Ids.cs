namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>Parsing of the ids every contract carries as strings.</summary>
public static class Ids
{
    public const string InvalidIdReason = "INVALID_ID";

    /// <summary>Parses a UUID field or refuses it as <c>INVALID_ARGUMENT</c> naming the field.</summary>
    public static Guid Parse(string value, string field) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty
            ? id
            : throw DomainException.Invalid(InvalidIdReason, $"{field} must be a UUID.", new FieldViolation(field, "must be a UUID"));
}
