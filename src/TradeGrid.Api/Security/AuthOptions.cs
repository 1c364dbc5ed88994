namespace TradeGrid.Api.Security;

/// <summary>
/// Configuration section TradeGrid:Auth: who may call. Authentication is on when at least one API key or a JWT
/// issuer is configured; then a call without credentials gets <see cref="AnonymousRole"/> (none by default:
/// Unauthenticated). With nothing configured the server is open to every caller with every role, which it allows
/// on a loopback address only, unless <see cref="AllowAnonymous"/> (<c>--allow-anonymous</c>) says otherwise.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "TradeGrid:Auth";

    /// <summary>Serve a non-loopback address without authentication (every caller may read, write and administer).</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Role of callers without credentials when authentication is on: empty (refused), reader, writer or admin.</summary>
    public string AnonymousRole { get; set; } = string.Empty;

    /// <summary>grpc.health.v1 and GET /healthz answer without credentials (else they need reader).</summary>
    public bool OpenHealth { get; set; } = true;

    /// <summary>gRPC server reflection answers without credentials (else it needs reader).</summary>
    public bool OpenReflection { get; set; } = true;

    /// <summary>API keys, stored hashed: <c>tradegrid-silo new-api-key</c> prints an entry (see docs/security.md).</summary>
    public List<ConfiguredApiKey> ApiKeys { get; set; } = [];

    /// <summary>Bearer tokens: issuer, audience and signing keys, or an authority whose JWKS gives the keys.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>
    /// How long a gateway trusts its copy of the keys stored through the admin RPCs: a key revoked through another
    /// silo stops working here within this many seconds (at once on the silo that revoked it).
    /// </summary>
    public int StoredKeyCacheSeconds { get; set; } = 10;

    /// <summary>True when callers are authenticated (keys or JWT configured).</summary>
    public bool Configured => ApiKeys.Count > 0 || Jwt.Configured;
}
