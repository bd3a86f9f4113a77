using System.Text.RegularExpressions;
using HmisPlatform.Testing;

namespace HmisPlatform.BuildingBlocks.Tests.Docs;

/// <summary>
/// docs/security.md is what an auditor reads: every test it names (<c>Project: `Class.Method`</c>, a bare method after it
/// belonging to the same class, <c>Class.*</c> for a whole class) exists in that project's tests, so the map cannot
/// point at a test that was renamed or removed.
/// </summary>
public sealed partial class SecurityDocTests
{
    [GeneratedRegex(@"\b(Gateway|Requests|Training|Assessment|Credentialing|Notifications|BuildingBlocks|EndToEnd): ((?:`[^`]+`(?:, )?)+)")]
    private static partial Regex NamedTests();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    [Fact]
    public void EveryTestTheSecurityDocNames_ExistsInItsProject()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "security.md"));
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        var named = 0;
        foreach (Match reference in NamedTests().Matches(doc))
        {
            var project = reference.Groups[1].Value;
            if (!sources.TryGetValue(project, out var source))
            {
                var folder = Path.Combine(RepositoryPaths.Root, "tests", $"HmisPlatform.{project}.Tests");
                source = sources[project] = string.Concat(Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .Select(File.ReadAllText));
            }
            string? type = null;
            foreach (var name in Quoted().Matches(reference.Groups[2].Value).Select(m => m.Groups[1].Value))
            {
                named++;
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                var method = dot < 0 ? (type is null ? "*" : name) : name[(dot + 1)..];
                type = dot < 0 ? type ?? name : name[..dot];
                if (!Regex.IsMatch(source, $@"\bclass {Regex.Escape(type)}\b"))
                {
                    missing.Add($"{project}: class {type}");
                }
                else if (method != "*" && !Regex.IsMatch(source, $@"\b{Regex.Escape(method)}\("))
                {
                    missing.Add($"{project}: {type}.{method}");
                }
            }
        }

        Assert.True(named > 50, $"Only {named} tests were found named in docs/security.md: the format it is read in changed.");
        Assert.Empty(missing);
    }
}
