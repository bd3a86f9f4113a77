using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HmisPlatform.Testing;

/// <summary>Self-signed RSA certificates for tests: signing keys, Data Protection key encryption, TLS.</summary>
public static class TestCertificates
{
    public const string Password = "test";

    public static X509Certificate2 SelfSigned(string subject, DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        return request.CreateSelfSigned(from ?? DateTimeOffset.UtcNow.AddDays(-1), until ?? DateTimeOffset.UtcNow.AddDays(365));
    }

    /// <summary>A private certificate authority, as the platform's own CA would be.</summary>
    public static X509Certificate2 Authority(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
    }

    /// <summary>A TLS server certificate for 127.0.0.1 and localhost, issued by <paramref name="authority"/>.</summary>
    public static X509Certificate2 ServerIssuedBy(X509Certificate2 authority, string subject = "CN=localhost")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(16));
        // Re-imported with its key, so Kestrel can serve it on Linux.
        return X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(rsa).Export(X509ContentType.Pkcs12, Password), Password);
    }

    /// <summary>Writes the certificate (without its key) as PEM and returns the path.</summary>
    public static string WritePem(this X509Certificate2 certificate, string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes the certificate with its key as a .pfx (password <see cref="Password"/>) and returns the path.</summary>
    public static string WritePfx(this X509Certificate2 certificate, string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
