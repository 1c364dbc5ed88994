using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TradeGrid.Api.Security;

namespace TradeGrid.Api.Hosting;

/// <summary>Loads the server's certificate as <see cref="TlsOptions"/> say; a certificate that cannot be used stops the start with the reason.</summary>
public static class ServerCertificate
{
    public static X509Certificate2 Load(TlsOptions tls)
    {
        X509Certificate2 certificate = tls.StoreSubject.Length > 0 ? FromStore(tls) : FromFile(tls);
        if (!certificate.HasPrivateKey)
        {
            throw new StartupRefusedException($"{TlsOptions.Section}: the certificate {certificate.Subject} has no private key; give KeyPath (--tls-key) or a PFX with its key");
        }
        return certificate;
    }

    private static X509Certificate2 FromFile(TlsOptions tls)
    {
        string path = tls.CertificatePath;
        if (!File.Exists(path))
        {
            throw new StartupRefusedException($"{TlsOptions.Section}:CertificatePath: {Path.GetFullPath(path)} does not exist");
        }
        try
        {
            if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, tls.Password.Length > 0 ? tls.Password : null);
            }
            string keyPath = tls.KeyPath.Length > 0 ? tls.KeyPath : path;
            X509Certificate2 pem = tls.Password.Length > 0
                ? X509Certificate2.CreateFromEncryptedPemFile(path, tls.Password, keyPath)
                : X509Certificate2.CreateFromPemFile(path, keyPath);
            // A PEM key is ephemeral; SslStream on some platforms needs the key in a PKCS#12 round trip to present it.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException ex)
        {
            throw new StartupRefusedException($"{TlsOptions.Section}: cannot load {path}{(tls.KeyPath.Length > 0 ? $" with key {tls.KeyPath}" : string.Empty)}: {ex.Message}");
        }
    }

    private static X509Certificate2 FromStore(TlsOptions tls)
    {
        if (!Enum.TryParse(tls.StoreName, ignoreCase: true, out StoreName name) || !Enum.TryParse(tls.StoreLocation, ignoreCase: true, out StoreLocation location))
        {
            throw new StartupRefusedException($"{TlsOptions.Section}: StoreName '{tls.StoreName}' or StoreLocation '{tls.StoreLocation}' is unknown (e.g. My, CurrentUser)");
        }
        using var store = new X509Store(name, location);
        store.Open(OpenFlags.ReadOnly);
        X509Certificate2? found = store.Certificates
            .Find(X509FindType.FindBySubjectDistinguishedName, tls.StoreSubject, validOnly: false)
            .Where(c => c.HasPrivateKey && c.NotAfter > DateTime.Now)
            .OrderByDescending(c => c.NotAfter)
            .FirstOrDefault();
        return found ?? throw new StartupRefusedException($"{TlsOptions.Section}:StoreSubject: no current certificate with a private key for '{tls.StoreSubject}' in {location}/{name}");
    }
}
