namespace TradeGrid.Api.Security;

/// <summary>
/// An API key in configuration (TradeGrid:Auth:ApiKeys): its id, its role, and its secret only as a salted SHA-256
/// hash. The key itself (<c>tg_ID_SECRET</c>) is shown once, when made, and kept by its holder.
/// </summary>
public sealed class ConfiguredApiKey
{
    /// <summary>The key's id: the part of the key between <c>tg_</c> and the next <c>_</c>; names the caller in logs.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>reader, writer or admin.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Base64 of the 16 random bytes hashed before the secret.</summary>
    public string Salt { get; set; } = string.Empty;

    /// <summary>Base64 of SHA-256(salt ‖ UTF-8 secret).</summary>
    public string Hash { get; set; } = string.Empty;
}
