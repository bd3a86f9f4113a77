using System.Diagnostics;
using HmisPlatform.Testing;

namespace HmisPlatform.BuildingBlocks.Tests.Contracts;

/// <summary>
/// Agency systems are built from the v1 contracts as released, so './platform.sh test' runs protos/check-breaking.sh
/// (buf breaking against that release). These tests break a copy of the contracts and watch the check refuse it,
/// naming the change; the copy as it is passes.
/// </summary>
public sealed class BreakingChangeCheckTests : IDisposable
{
    private const string AccessRequests = "hmis/requests/v1/access_requests.proto";

    private readonly string _contracts = Directory.CreateTempSubdirectory("hmis-contracts-").FullName;

    public BreakingChangeCheckTests() => Copy(Path.Combine(RepositoryPaths.Root, "protos"), _contracts);

    public void Dispose() => TemporaryFolders.Delete(_contracts);

    [Fact]
    public async Task BreakingCheck_Passes_WhenTheContractsAreUnchanged()
    {
        var (exitCode, output) = await CheckAsync();

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task BreakingCheck_FailsNamingTheField_WhenAFieldIsDeletedEvenWithItsNumberReserved()
    {
        Change(AccessRequests, "  string given_name = 1;\n", "  reserved 1;\n  reserved \"given_name\";\n");

        var (exitCode, output) = await CheckAsync();

        Assert.True(exitCode == 100, output);
        Assert.Contains($"{AccessRequests}:", output, StringComparison.Ordinal);
        Assert.Contains("field \"1\" with name \"given_name\" on message \"NewUser\" was deleted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakingCheck_FailsNamingTheRpc_WhenAnRpcIsRenamed()
    {
        Change(AccessRequests, "  rpc SubmitAccessRequest(", "  rpc SubmitRequest(");

        var (exitCode, output) = await CheckAsync();

        Assert.True(exitCode == 100, output);
        Assert.Contains("RPC \"SubmitAccessRequest\" on service \"AccessRequests\" was deleted", output, StringComparison.Ordinal);
    }

    private void Change(string file, string text, string replacement)
    {
        var path = Path.Combine(_contracts, file);
        var contract = File.ReadAllText(path);
        var at = contract.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0 && contract.IndexOf(text, at + 1, StringComparison.Ordinal) < 0, $"'{text.Trim()}' is not once in {file}");
        File.WriteAllText(path, string.Concat(contract.AsSpan(0, at), replacement, contract.AsSpan(at + text.Length)));
    }

    private async Task<(int ExitCode, string Output)> CheckAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "protos", "check-breaking.sh"));
        start.ArgumentList.Add(_contracts);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output + await error);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
