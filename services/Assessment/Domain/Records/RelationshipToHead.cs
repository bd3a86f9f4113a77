namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// HUD relationship to head of household. Stored by these numbers: never renumber a member.
/// </summary>
public enum RelationshipToHead
{
    Unspecified = 0,
    /// <summary>Self (the head of household).</summary>
    Self = 1,
    /// <summary>The head's child.</summary>
    Child = 2,
    /// <summary>The head's spouse or partner.</summary>
    SpouseOrPartner = 3,
    /// <summary>Another relative of the head.</summary>
    OtherRelative = 4,
    /// <summary>Unrelated household member.</summary>
    Unrelated = 5,
}
