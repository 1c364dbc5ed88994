using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace TradeGrid.Api.Security;

/// <summary>
/// Configures JwtBearer from <see cref="JwtSettings"/>: issuer and audience always validated, signing keys from
/// configuration (HS256 keys, PEM public keys) or the authority's JWKS. A valid token becomes the same caller
/// identity as an API key (<c>jwt:SUBJECT</c> and its highest TradeGrid role); a refused one says why.
/// </summary>
public static class JwtSetup
{
    public static void Configure(JwtBearerOptions bearer, JwtSettings jwt)
    {
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        if (jwt.Authority.Length > 0)
        {
            bearer.Authority = jwt.Authority;
        }
        if (jwt.MetadataAddress.Length > 0)
        {
            bearer.MetadataAddress = jwt.MetadataAddress;
        }
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = jwt.Issuer.Length > 0 ? jwt.Issuer : null,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            IssuerSigningKeys = SigningKeys(jwt),
            NameClaimType = "sub",
        };
        bearer.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = failed =>
            {
                failed.HttpContext.Items[CallerIdentity.FailureItem] = $"bearer token refused: {failed.Exception.Message}";
                return Task.CompletedTask;
            },
            OnTokenValidated = validated =>
            {
                ClaimsPrincipal token = validated.Principal!; // set by the handler before it raises this event
                string subject = token.FindFirst("sub")?.Value ?? "unknown";
                string role = Roles.Highest(token.FindAll(jwt.RoleClaim).Select(c => c.Value));
                validated.Principal = CallerIdentity.Create(CallerIdentity.JwtPrefix + subject, role, JwtBearerDefaults.AuthenticationScheme);
                return Task.CompletedTask;
            },
        };
    }

    private static List<SecurityKey> SigningKeys(JwtSettings jwt)
    {
        var keys = new List<SecurityKey>();
        foreach (string key in jwt.SigningKeys)
        {
            keys.Add(new SymmetricSecurityKey(Convert.FromBase64String(key)));
        }
        foreach (string file in jwt.PublicKeyFiles)
        {
            string pem = File.ReadAllText(file);
            if (TryEc(pem) is { } ec)
            {
                keys.Add(new ECDsaSecurityKey(ec));
            }
            else
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                keys.Add(new RsaSecurityKey(rsa));
            }
        }
        return keys;
    }

    private static ECDsa? TryEc(string pem)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return ec;
        }
        catch (ArgumentException)
        {
            ec.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            ec.Dispose();
            return null;
        }
    }
}
