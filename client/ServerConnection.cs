using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace TradeGrid.Cli;

/// <summary>
/// The channel to the server: credentials on every call (an API key as x-api-key, a JWT as Authorization: Bearer) and,
/// for https:// addresses, the server's certificate checked against the system's roots or the --ca file.
/// </summary>
internal static class ServerConnection
{
    public static GrpcChannel Open(string address, string? apiKey, string? token, FileInfo? ca, bool insecure)
    {
        if (ca is not null && !ca.Exists)
        {
            throw new ArgumentException($"--ca: {ca.FullName} does not exist");
        }
        var sockets = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (insecure)
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (ca is not null)
        {
            X509Certificate2 authority = X509CertificateLoader.LoadCertificateFromFile(ca.FullName);
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, authority);
        }
        HttpMessageHandler handler = string.IsNullOrEmpty(apiKey) && string.IsNullOrEmpty(token)
            ? sockets
            : new CredentialsHandler(apiKey, token) { InnerHandler = sockets };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, MaxReceiveMessageSize = 256 * 1024 * 1024 });
    }

    // The chain must end at the given authority; the name must match (RemoteCertificateNameMismatch is not forgiven).
    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 authority)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using X509Certificate2 server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(server);
    }

    private sealed class CredentialsHandler(string? apiKey, string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(apiKey))
            {
                request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
            }
            if (!string.IsNullOrEmpty(token))
            {
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
