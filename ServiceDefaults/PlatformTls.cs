using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace HmisPlatform;

/// <summary>
/// Encryption between the platform's own processes. Each service is reached over HTTPS where its configured addresses
/// are HTTPS (Production) and plain HTTP where they are not (the local run and tests, on loopback). Certificates of services are checked as usual; with
/// <c>Tls:CertificateAuthority</c> (a PEM file) they may also chain to the platform's own private CA, which then is
/// the one root trusted for them.
/// </summary>
public static class PlatformTls
{
    public const string CertificateAuthoritySetting = "Tls:CertificateAuthority";

    /// <summary>
    /// How every process reaches a platform service's endpoint, found by service discovery: over HTTPS when the
    /// addresses configured for it (<c>services:{service}:{endpoint}</c>) are HTTPS, as Production's must be, and
    /// plain HTTP otherwise (the local run and tests, on loopback). The scheme is chosen here, not with
    /// <c>https+http://</c>, because a gRPC channel must know its scheme when it is made.
    /// </summary>
    public static Uri ServiceAddress(IConfiguration configuration, string service, string endpoint = ResourceNames.GrpcEndpoint)
    {
        var addresses = configuration.GetSection($"services:{service}:{endpoint}").GetChildren().Select(a => a.Value).OfType<string>().ToList();
        var secure = addresses.Count > 0 && addresses.All(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        return new Uri($"{(secure ? "https" : "http")}://_{endpoint}.{service}");
    }

    /// <summary>The platform CA, when one is configured.</summary>
    public static X509Certificate2? CertificateAuthority(IConfiguration configuration) =>
        configuration[CertificateAuthoritySetting] is { Length: > 0 } path ? X509CertificateLoader.LoadCertificateFromFile(path) : null;

    /// <summary>A handler for calls to platform services: it trusts the platform CA when one is configured.</summary>
    public static SocketsHttpHandler CreateHandler(IConfiguration configuration)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        Trust(handler.SslOptions, configuration);
        return handler;
    }

    /// <summary>
    /// Makes TLS client options also accept a server certificate that chains to the platform CA: one the system trusts
    /// passes as before (an outside API), one for another name or chaining to neither does not.
    /// </summary>
    public static void Trust(SslClientAuthenticationOptions options, IConfiguration configuration)
    {
        if (CertificateAuthority(configuration) is not { } authority)
        {
            return;
        }
        options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }
            if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
    }
}
