namespace HmisPlatform.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LocalScript(string name) => Path.Combine(Root, "AppHost", "local", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HmisPlatform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (HmisPlatform.sln) is not above the test output folder.");
    }
}
