using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// A server with authentication on: a key per role, a reader key "limited" whose bucket holds
/// <see cref="LimitedTokens"/> requests refilled once an hour (so the next is refused whatever the machine's speed),
/// and JWTs signed with an HS256 key made here. No default data: tests import what they read.
/// </summary>
public sealed class SecuredServer : ServerFixture
{
    public const string Issuer = "https://issuer.tradegrid.test";
    public const string Audience = "tradegrid";
    public const int LimitedTokens = 3;

    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    public TestKeys Keys { get; } = new(Roles.Reader, Roles.Writer, Roles.Admin, "limited");

    protected override IEnumerable<string> Arguments =>
    [
        "--no-default-data", .. Keys.Arguments,
        $"--TradeGrid:Auth:Jwt:Issuer={Issuer}", $"--TradeGrid:Auth:Jwt:Audience={Audience}",
        $"--TradeGrid:Auth:Jwt:SigningKeys:0={Convert.ToBase64String(_signingKey)}",
        $"--TradeGrid:RateLimits:Keys:limited:TokenLimit={LimitedTokens}",
        "--TradeGrid:RateLimits:Keys:limited:TokensPerPeriod=1",
        "--TradeGrid:RateLimits:Keys:limited:ReplenishmentPeriodSeconds=3600",
    ];

    /// <summary>A token as an identity provider would issue it; each argument can be made wrong on purpose.</summary>
    public string Token(string subject, string? role, string audience = Audience, DateTime? expires = null, byte[]? signingKey = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (role is not null)
        {
            claims["roles"] = new[] { role };
        }
        DateTime notAfter = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notAfter.AddHours(-2),
            NotBefore = notAfter.AddHours(-2),
            Expires = notAfter,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? _signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
