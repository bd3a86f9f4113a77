using System.Security.Cryptography;

namespace HmisPlatform.AppHost.Infrastructure;

/// <summary>
/// Passwords of the local Postgres and Redis, made on first run and kept beside their data (mode 600), so the data
/// and the passwords that open it stay together across restarts.
/// </summary>
internal static class LocalSecrets
{
    public static string ReadOrCreate(string dataDirectory, string name)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, $"{name}.password");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return password;
    }
}
