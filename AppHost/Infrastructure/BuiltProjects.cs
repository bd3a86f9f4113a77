using System.Reflection;
using System.Runtime.Versioning;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>
/// The executable a project's build wrote, for resources started straight from it. A project resource is started with
/// <c>dotnet run</c>, which evaluates the project with MSBuild first (seconds of CPU on this platform's two cores) and
/// stays resident beside the process it starts; a one-shot step such as a migration needs neither.
/// </summary>
public static class BuiltProjects
{
    /// <summary>The AppHost's own build configuration, which its project references are built in.</summary>
    private static readonly string Configuration =
        typeof(BuiltProjects).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The AppHost's target framework (net10.0), which every project shares (Directory.Build.props).</summary>
    private static readonly string TargetFramework = TargetFrameworkMoniker();

    public static string ExecutableOf<TProject>()
        where TProject : IProjectMetadata, new()
    {
        var project = new TProject().ProjectPath;
        var name = Path.GetFileNameWithoutExtension(project) + (OperatingSystem.IsWindows() ? ".exe" : string.Empty);
        var path = Path.Combine(DirectoryOf<TProject>(), "bin", Configuration, TargetFramework, name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} has not been built: build the solution in {Configuration} first.");
    }

    public static string DirectoryOf<TProject>()
        where TProject : IProjectMetadata, new() =>
        Path.GetDirectoryName(new TProject().ProjectPath)!;

    private static string TargetFrameworkMoniker()
    {
        var framework = new FrameworkName(typeof(BuiltProjects).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
        return $"net{framework.Version.Major}.{framework.Version.Minor}";
    }
}
