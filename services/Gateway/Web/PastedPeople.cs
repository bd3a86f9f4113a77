using System.Text.RegularExpressions;

namespace HmisPlatform.Gateway.Web;

/// <summary>One person read from a pasted list: names and e-mail, or why the line could not be read.</summary>
public sealed record PastedPerson(int Line, string GivenName, string FamilyName, string Email);

/// <summary>
/// Reads the list an ATA pastes into the guided request: one person per line, as a spreadsheet copies it (given name,
/// family name and e-mail in three cells), as a CSV line, or as a mail client writes it ("Dana Whitfield
/// &lt;dana@agency.org&gt;"). The names and e-mails are checked by the service, not here; a line with no e-mail in it
/// is reported by its number.
/// </summary>
public static partial class PastedPeople
{
    public static (IReadOnlyList<PastedPerson> People, IReadOnlyList<int> Unreadable) Parse(string text)
    {
        var people = new List<PastedPerson>();
        var unreadable = new List<int>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var email = Email().Match(line);
            if (!email.Success)
            {
                unreadable.Add(i + 1);
                continue;
            }
            var rest = line.Remove(email.Index, email.Length).Replace("<>", "", StringComparison.Ordinal);
            var cells = rest.Split(['\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (given, family) = cells.Length >= 2 ? (cells[0], cells[1]) : SplitName(cells.FirstOrDefault() ?? "");
            people.Add(new PastedPerson(i + 1, given.Trim('"', ' '), family.Trim('"', ' '), email.Value));
        }
        return (people, unreadable);
    }

    /// <summary>"Dana Whitfield" as given and family name: the last word is the family name.</summary>
    private static (string Given, string Family) SplitName(string name)
    {
        var words = name.Trim('"', ' ');
        var space = words.LastIndexOf(' ');
        return space < 0 ? (words, "") : (words[..space].Trim(), words[(space + 1)..]);
    }

    [GeneratedRegex(@"[^\s<>,;""]+@[^\s<>,;""]+")]
    private static partial Regex Email();
}
