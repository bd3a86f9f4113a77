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

    /// <summary>Writes the certificate with its key as a .pfx (password <see cref="Password"/>) and returns the path.</summary>
    public static string WritePfx(this X509Certificate2 certificate, string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
