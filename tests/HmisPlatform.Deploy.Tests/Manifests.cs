using k8s;

namespace HmisPlatform.Deploy.Tests;

/// <summary>The Kubernetes objects of deploy/kubernetes, read strictly: a field Kubernetes does not know fails the read.</summary>
public static class Manifests
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "deploy", "kubernetes");

    /// <summary>Every whole object of a folder's YAML files (not the patches a kustomization applies).</summary>
    public static IReadOnlyList<object> In(string folder)
    {
        var patches = Directory.EnumerateFiles(Folder, "kustomization.yaml", SearchOption.AllDirectories)
            .SelectMany(k => PatchesOf(k).Select(p => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(k)!, p))))
            .ToHashSet();
        return [.. Directory.EnumerateFiles(Path.Combine(Folder, folder), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml" && !patches.Contains(Path.GetFullPath(f)))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f), strict: true))];
    }

    /// <summary>The files a kustomization applies as patches: <c>patches</c> items' <c>path</c>, or the older <c>patchesStrategicMerge</c> list.</summary>
    private static IEnumerable<string> PatchesOf(string kustomization)
    {
        var inPatches = false;
        foreach (var line in File.ReadLines(kustomization))
        {
            if (!line.StartsWith(' ') && !line.StartsWith('-'))
            {
                inPatches = line.StartsWith("patches:", StringComparison.Ordinal) || line.StartsWith("patchesStrategicMerge:", StringComparison.Ordinal);
            }
            else if (inPatches && line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                var item = line.TrimStart()[2..].Trim();
                yield return item.StartsWith("path:", StringComparison.Ordinal) ? item["path:".Length..].Trim() : item;
            }
        }
    }
}

public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string from) =>
        File.Exists(Path.Combine(from, "HmisPlatform.sln")) ? from
            : Find(Path.GetDirectoryName(from.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("No HmisPlatform.sln above the tests."));
}
