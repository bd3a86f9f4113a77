using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HmisPlatform.DeployTest;

/// <summary>
/// Every Secret the manifests name (deploy/kubernetes, docs/deploy.md), made for one run: a platform CA and a TLS
/// certificate of it for each process (its Service's name hmis-NAME, and 127.0.0.1 for the ingress's address), the token-signing
/// and Data Protection certificates, each database role's password and connection strings, Redis's password and the
/// services' client secrets. Nothing of it outlives the run.
/// </summary>
public sealed class PlatformSecrets
{
    private readonly Dictionary<string, Dictionary<string, byte[]>> _secrets = [];

    public required X509Certificate2 CertificateAuthority { get; init; }

    public required string PostgresPassword { get; init; }

    public IReadOnlyDictionary<string, Dictionary<string, byte[]>> All => _secrets;

    /// <summary>The services' databases: the key of its connection strings in hmis-databases, the database, the service's role.</summary>
    public static readonly IReadOnlyList<(string Key, string Database, string Role)> Databases =
    [
        ("gateway", ResourceNames.GatewayDb, "gateway"),
        ("requests", ResourceNames.RequestsDb, "requests_api"),
        ("training", ResourceNames.TrainingDb, "training_api"),
        ("assessment", ResourceNames.AssessmentDb, "assessment_api"),
        ("credentialing", ResourceNames.CredentialingDb, "credentialing_api"),
        ("notifications", ResourceNames.NotificationsDb, "notifications_api"),
    ];

    /// <param name="tlsNames">The processes that serve TLS: each gets Secret <c>hmis-tls-NAME</c>.</param>
    public static PlatformSecrets Make(IEnumerable<string> tlsNames)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=HmisPlatform deploy-test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var ca = caRequest.CreateSelfSigned(now, now.AddDays(2));
        var secrets = new PlatformSecrets { CertificateAuthority = ca, PostgresPassword = Password() };
        secrets.Add("hmis-platform-ca", ("ca.crt", ca.ExportCertificatePem()));
        foreach (var name in tlsNames)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(name);
            names.AddDnsName($"hmis-{name}");
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
            using var certificate = request.Create(ca, now, now.AddDays(1), RandomNumberGenerator.GetBytes(16));
            secrets.Add($"hmis-tls-{name}", ("tls.crt", certificate.ExportCertificatePem()), ("tls.key", key.ExportPkcs8PrivateKeyPem()));
        }

        // Tokens are RS256: the signing certificate is RSA; so is Data Protection's, which encrypts the key ring.
        var signingPassword = Password();
        secrets.Add("hmis-signing", ("signing.pfx", RsaPfx("CN=HmisPlatform token signing", X509KeyUsageFlags.DigitalSignature, signingPassword)), ("password", signingPassword));
        var protectionPassword = Password();
        secrets.Add("hmis-data-protection",
            ("data-protection.pfx", RsaPfx("CN=HmisPlatform Data Protection", X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, protectionPassword)),
            ("password", protectionPassword));

        var databases = new List<(string, object)> { ("superuser-password", secrets.PostgresPassword) };
        foreach (var (key, database, role) in Databases)
        {
            var password = Password();
            databases.Add((key, $"Host=postgres;Port=5432;Database={database};Username={role};Password={password}"));
            databases.Add(($"{key}-owner", $"Host=postgres;Port=5432;Database={database};Username=postgres;Password={secrets.PostgresPassword}"));
            databases.Add(($"{key}-role-password", password));
        }
        secrets.Add("hmis-databases", [.. databases]);
        var redisPassword = Password();
        secrets.Add("hmis-redis", ("password", redisPassword), ("connection-string", $"redis:6379,password={redisPassword}"));
        secrets.Add("hmis-service-clients", (ResourceNames.RequestsApi, Password()), (ResourceNames.NotificationsApi, Password()));
        return secrets;
    }

    /// <summary>A connection string to one database as Postgres's superuser, through the address the host reaches it on.</summary>
    public string SuperuserConnection(string database, int port) =>
        $"Host=127.0.0.1;Port={port};Database={database};Username=postgres;Password={PostgresPassword};Pooling=false";

    /// <summary>A server certificate is trusted when it chains to this run's CA.</summary>
    public bool Trusts(X509Certificate presented)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(CertificateAuthority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private void Add(string secret, params (string Key, object Value)[] entries) =>
        _secrets[secret] = entries.ToDictionary(e => e.Key, e => e.Value is byte[] bytes ? bytes : Encoding.UTF8.GetBytes((string)e.Value));

    private static byte[] RsaPfx(string subject, X509KeyUsageFlags usage, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var certificate = request.CreateSelfSigned(now, now.AddDays(2));
        return certificate.Export(X509ContentType.Pfx, password);
    }

    private static string Password() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
