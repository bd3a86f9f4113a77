namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// Text that people and systems send is plain text: no control characters other than tab and line breaks (a NUL cannot
/// even be stored, and the rest only hide or break what a reader sees).
/// </summary>
public static class PlainText
{
    public const string ControlCharactersReason = "CONTROL_CHARACTERS";
    public const string TooLongReason = "TEXT_TOO_LONG";

    /// <summary>The longest free text (a reason, a note, an answer) the platform keeps.</summary>
    public const int MaxFreeTextLength = 4000;

    public static bool HasControlCharacters(string value)
    {
        foreach (var c in value)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A violation when the text is longer than <paramref name="maxLength"/>, else null.</summary>
    public static FieldViolation? TooLong(string? value, string field, int maxLength = MaxFreeTextLength) =>
        value is { Length: var length } && length > maxLength ? new FieldViolation(field, $"at most {maxLength} characters", TooLongReason) : null;

    /// <summary>Refuses free text longer than <paramref name="maxLength"/>.</summary>
    public static void EnsureFits(string? value, string field, int maxLength = MaxFreeTextLength)
    {
        if (TooLong(value, field, maxLength) is { } violation)
        {
            throw DomainException.Invalid(TooLongReason, $"The {field.Replace('_', ' ')} is too long.", violation);
        }
    }
}
