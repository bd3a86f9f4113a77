using System.Diagnostics;
using HmisPlatform.Testing;

namespace HmisPlatform.BuildingBlocks.Tests.Hosting;

public sealed class ServerFoldersTests
{
    [Fact]
    public async Task WhenTheOwnerIsKilled_ItsServersStop_AndTheFolderGoes()
    {
        var folder = Directory.CreateTempSubdirectory("hmis-tests-watched-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "data"), "a server's files");
        using var owner = Process.Start("sleep", "600");
        using var server = Process.Start("sleep", "600");

        ServerFolders.RemoveAfter(owner.Id, folder, [server.Id]);
        Assert.True(Directory.Exists(folder));
        owner.Kill();

        await Eventually.ReturnsAsync(() => Task.FromResult(Directory.Exists(folder) || !server.HasExited), stillThere => !stillThere, TimeSpan.FromSeconds(15));
    }
}
