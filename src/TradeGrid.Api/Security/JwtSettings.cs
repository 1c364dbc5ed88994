namespace TradeGrid.Api.Security;

/// <summary>
/// Configuration section TradeGrid:Auth:Jwt. Either <see cref="Authority"/> (its OpenID metadata gives the issuer and
/// the JWKS signing keys, fetched and refreshed by the handler) or <see cref="Issuer"/> with signing keys given here:
/// <see cref="SigningKeys"/> (base64 of a symmetric HS256 key) and/or <see cref="PublicKeyFiles"/> (PEM RSA or EC public keys).
/// </summary>
public sealed class JwtSettings
{
    public string Authority { get; set; } = string.Empty;

    /// <summary>Metadata when not at the authority's well-known address, e.g. https://idp/.well-known/openid-configuration.</summary>
    public string MetadataAddress { get; set; } = string.Empty;

    public string Issuer { get; set; } = string.Empty;

    /// <summary>Required: a token for another audience is refused.</summary>
    public string Audience { get; set; } = string.Empty;

    public List<string> SigningKeys { get; set; } = [];

    public List<string> PublicKeyFiles { get; set; } = [];

    /// <summary>The claim holding the caller's roles (a string or an array): reader, writer, admin.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Allow an authority over plain HTTP (tests and a local identity provider only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Configured => Authority.Length > 0 || MetadataAddress.Length > 0 || (Issuer.Length > 0 && (SigningKeys.Count > 0 || PublicKeyFiles.Count > 0));
}
