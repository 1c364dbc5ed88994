namespace TradeGrid.Api.Hosting;

/// <summary>
/// Configuration section TradeGrid:Tls: the server certificate, from files (<see cref="CertificatePath"/>: a PEM
/// certificate with <see cref="KeyPath"/>, or a PFX/PKCS#12 with <see cref="Password"/>) or from the certificate store
/// (<see cref="StoreSubject"/>). With one, the gRPC port speaks HTTP/2 over TLS and the JSON port HTTPS; without,
/// both are cleartext. Switches: --tls-cert PATH, --tls-key PATH.
/// </summary>
public sealed class TlsOptions
{
    public const string Section = "TradeGrid:Tls";

    public string CertificatePath { get; set; } = string.Empty;

    /// <summary>The PEM private key (PKCS#8 or PKCS#1) of a PEM certificate; empty when the key is in the same file.</summary>
    public string KeyPath { get; set; } = string.Empty;

    /// <summary>The password of a PFX file or an encrypted PEM key.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Subject of a certificate in the store (e.g. CN=tradegrid.example.org), instead of files.</summary>
    public string StoreSubject { get; set; } = string.Empty;

    /// <summary>Store name: My (personal) by default.</summary>
    public string StoreName { get; set; } = "My";

    /// <summary>CurrentUser or LocalMachine.</summary>
    public string StoreLocation { get; set; } = "CurrentUser";

    public bool Enabled => CertificatePath.Length > 0 || StoreSubject.Length > 0;
}
