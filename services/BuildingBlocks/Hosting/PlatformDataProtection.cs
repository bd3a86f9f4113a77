using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// The Data Protection key ring (what protects cookies, antiforgery tokens, invitation links and sealed e-mails) is
/// kept in the service's own database, so every replica reads the same keys and a restart keeps them. Outside
/// Development each key is encrypted at rest with the certificate in <c>DataProtection:Certificate</c> (a .pfx,
/// password <c>DataProtection:CertificatePassword</c>); Production refuses to start without it.
/// </summary>
public static class PlatformDataProtection
{
    public const string CertificateSetting = "DataProtection:Certificate";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    public static void AddPlatformDataProtection<TDbContext>(this IHostApplicationBuilder builder, string applicationName)
        where TDbContext : DbContext, IDataProtectionKeyContext
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToDbContext<TDbContext>();
        if (builder.Configuration[CertificateSetting] is { Length: > 0 } path)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration[CertificatePasswordSetting], X509KeyStorageFlags.EphemeralKeySet));
        }
        builder.RequireInProduction($"{CertificateSetting} names no certificate: the Data Protection keys would be kept unencrypted.",
            configuration => !string.IsNullOrEmpty(configuration[CertificateSetting]));
    }
}
