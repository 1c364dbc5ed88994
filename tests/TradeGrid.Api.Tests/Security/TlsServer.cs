using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// A server with TLS on both ports, its certificate made here: a test authority (ca.pem) signs a certificate for
/// 127.0.0.1 (server.pem, server.key), given to the server as PEM files (--tls-cert, --tls-key) as docs/security.md
/// does with openssl. The fixture's own channel and HTTP client trust the authority.
/// </summary>
public sealed class TlsServer : ServerFixture
{
    private readonly X509Certificate2 _authority;

    public TlsServer()
    {
        string folder = Directory.CreateTempSubdirectory("tradegrid-tls-").FullName;
        CaPath = Path.Combine(folder, "ca.pem");
        CertificatePath = Path.Combine(folder, "server.pem");
        KeyPath = Path.Combine(folder, "server.key");
        DateTimeOffset now = DateTimeOffset.UtcNow;

        using ECDsa authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=TradeGrid test authority", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        _authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));

        using ECDsa serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // server authentication
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_authority, true, false));
        using X509Certificate2 certificate = request.Create(_authority, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(CaPath, _authority.ExportCertificatePem());
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, serverKey.ExportPkcs8PrivateKeyPem());
    }

    public string CaPath { get; }
    public string CertificatePath { get; }
    public string KeyPath { get; }

    protected override IEnumerable<string> Arguments => ["--no-default-data", "--tls-cert", CertificatePath, "--tls-key", KeyPath];

    protected override HttpMessageHandler? CreateHandler()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(_authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return handler;
    }
}
