using System.Security.Cryptography;
using System.Text;

namespace TradeGrid.Api.Security;

/// <summary>
/// API keys: <c>tg_ID_SECRET</c>, the secret 32 random bytes in base64url. The server keeps the id, a 16-byte random
/// salt and SHA-256(salt ‖ secret), never the secret. One SHA-256, not a slow password hash (PBKDF2): the secret is
/// 256 random bits, beyond guessing however fast the hash, and every request is checked (a slow hash at 2,000
/// requests/s would be the server's largest cost). Comparisons take the same time whatever the bytes.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "tg_";
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;
    private const int MaxIdLength = 40;

    /// <summary>A new key for <paramref name="id"/> and what the server stores of it.</summary>
    public static (string Key, string Salt, string Hash) Create(string id)
    {
        RequireValidId(id);
        string secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return ($"{Prefix}{id}_{secret}", Convert.ToBase64String(salt), Convert.ToBase64String(Hash(salt, secret)));
    }

    /// <summary>The id and secret of a key, or null when <paramref name="key"/> is not shaped like one.</summary>
    public static (string Id, string Secret)? Parse(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        int split = key.IndexOf('_', Prefix.Length); // ids hold no '_'; base64url secrets may
        if (split <= Prefix.Length)
        {
            return null;
        }
        string id = key[Prefix.Length..split];
        string secret = key[(split + 1)..];
        return IdError(id) is null && secret.Length > 0 ? (id, secret) : null;
    }

    /// <summary>True when <paramref name="secret"/> hashes, with the stored salt, to the stored hash.</summary>
    public static bool Matches(string secret, string salt, string hash)
    {
        byte[] expected;
        byte[] saltBytes;
        try
        {
            expected = Convert.FromBase64String(hash);
            saltBytes = Convert.FromBase64String(salt);
        }
        catch (FormatException)
        {
            return false; // a malformed entry matches nothing; start-up validation names it
        }
        return CryptographicOperations.FixedTimeEquals(Hash(saltBytes, secret), expected);
    }

    /// <summary>Why <paramref name="id"/> cannot name a key, or null: 1–40 of a–z, 0–9 and '-'.</summary>
    public static string? IdError(string id)
    {
        if (id.Length is 0 or > MaxIdLength)
        {
            return $"a key id has 1 to {MaxIdLength} characters";
        }
        foreach (char c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return "a key id holds only lower-case letters a-z, digits and '-'";
            }
        }
        return null;
    }

    private static void RequireValidId(string id)
    {
        if (IdError(id) is { } error)
        {
            throw new ArgumentException(error, nameof(id));
        }
    }

    private static byte[] Hash(byte[] salt, string secret)
    {
        byte[] secretBytes = Encoding.UTF8.GetBytes(secret);
        byte[] input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
