using System.Security.Cryptography.X509Certificates;
using HmisPlatform.BuildingBlocks.Hosting;
using OpenIddict.Server;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// Where the token server's signing keys come from. Outside Development, each <c>*.pfx</c> file in the folder
/// <c>Auth:SigningCertificates</c> (password <c>Auth:SigningCertificatePassword</c>) is a signing certificate; every
/// one that is valid now is published in the discovery document's key set, and tokens are signed with the one
/// OpenIddict prefers (valid now, expiring last). To rotate: add the next certificate, wait one token lifetime
/// while both are published, then remove the old one. Production refuses to start without the setting; elsewhere
/// keys are then ephemeral: tokens do not survive a restart, which the log says.
/// </summary>
public static partial class SigningKeys
{
    public const string FolderSetting = "Auth:SigningCertificates";
    public const string PasswordSetting = "Auth:SigningCertificatePassword";

    public static void AddSigningKeys(this OpenIddictServerBuilder server, IHostApplicationBuilder builder)
    {
        builder.RequireInProduction($"{FolderSetting} names no folder of signing certificates: tokens would be signed with a throwaway key.",
            configuration => !string.IsNullOrEmpty(configuration[FolderSetting]));
        var folder = builder.Configuration[FolderSetting];
        if (!string.IsNullOrEmpty(folder))
        {
            var password = builder.Configuration[PasswordSetting];
            var certificates = Directory.EnumerateFiles(folder, "*.pfx").Order(StringComparer.Ordinal)
                .Select(path => X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet))
                .ToList();
            if (certificates.Count == 0)
            {
                throw new InvalidOperationException($"{FolderSetting} names a folder with no .pfx signing certificate.");
            }
            foreach (var certificate in certificates)
            {
                server.AddSigningCertificate(certificate);
            }
            server.AddEphemeralEncryptionKey();
            return;
        }
        // Development keeps its certificates across restarts in the user's certificate store.
        if (builder.Environment.IsDevelopment())
        {
            server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
            return;
        }
        server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        builder.Services.AddHostedService<EphemeralKeyWarning>();
    }

    private sealed partial class EphemeralKeyWarning(ILogger<EphemeralKeyWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogEphemeral(logger, FolderSetting);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "The token server signs with an ephemeral key: tokens do not survive a restart. Set {Setting} to a folder of signing certificates.")]
        private static partial void LogEphemeral(ILogger logger, string setting);
    }
}
