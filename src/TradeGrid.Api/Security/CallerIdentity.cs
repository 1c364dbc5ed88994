using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace TradeGrid.Api.Security;

/// <summary>
/// Who a caller is, the same way for every scheme: a name (<c>key:ID</c>, <c>jwt:SUBJECT</c> or <c>anonymous</c>) and
/// the role claims (the role and those it includes). The name partitions the rate limits and is the audit's "who".
/// </summary>
public static class CallerIdentity
{
    public const string KeyPrefix = "key:";
    public const string JwtPrefix = "jwt:";
    public const string Anonymous = "anonymous";

    /// <summary>HttpContext.Items key holding why the credentials were refused (the Unauthenticated message).</summary>
    public const string FailureItem = "TradeGrid.AuthFailure";

    public static ClaimsPrincipal Create(string name, string role, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(Roles.Implied(role).Select(r => new Claim(Roles.ClaimType, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, Roles.ClaimType));
    }

    /// <summary>The caller's name; anonymous callers are told apart by address (for their rate-limit partition).</summary>
    public static string Name(HttpContext context)
    {
        string? name = context.User.FindFirst(ClaimTypes.Name)?.Value;
        return name is null or Anonymous ? $"{Anonymous}@{context.Connection.RemoteIpAddress}" : name;
    }

    /// <summary>The highest role the caller holds, or empty.</summary>
    public static string Role(ClaimsPrincipal user) => Roles.Highest(user.FindAll(Roles.ClaimType).Select(c => c.Value));
}
