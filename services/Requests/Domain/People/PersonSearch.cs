using System.Text;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.People;

/// <summary>
/// What the person tracker looks for: part of a name or an email address, as one LIKE pattern matched anywhere,
/// case-insensitively. The words are taken literally (% and _ mean themselves), and runs of spaces are one space.
/// </summary>
public sealed record PersonSearch
{
    public const string InvalidQueryReason = "SEARCH_QUERY_INVALID";
    public const int MinLength = 2;
    public const int MaxLength = 100;

    /// <summary>The pattern for ILIKE, with backslash as its escape character.</summary>
    public string Pattern { get; }

    private PersonSearch(string pattern) => Pattern = pattern;

    public static PersonSearch Parse(string query)
    {
        var words = string.Join(' ', query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (words.Length is < MinLength or > MaxLength)
        {
            throw DomainException.Invalid(InvalidQueryReason, $"Search with {MinLength} to {MaxLength} characters of a name or an email address.",
                new FieldViolation("query", $"{MinLength} to {MaxLength} characters", InvalidQueryReason));
        }
        var pattern = new StringBuilder("%", words.Length + 2);
        foreach (var c in words)
        {
            if (c is '%' or '_' or '\\')
            {
                pattern.Append('\\');
            }
            pattern.Append(c);
        }
        return new PersonSearch(pattern.Append('%').ToString());
    }
}
