namespace HmisPlatform.Testing;

/// <summary>Removes a server's data folder once the server is gone.</summary>
public static class TemporaryFolders
{
    /// <summary>
    /// A stopped Postgres may still be closing files for a moment, so this tries a few times; a folder that
    /// still will not go is left to the test command's final clean-up of its temporary folders.
    /// </summary>
    public static void Delete(string path)
    {
        for (var attempt = 1; Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
