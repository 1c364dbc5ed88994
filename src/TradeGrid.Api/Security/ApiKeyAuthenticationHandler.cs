using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TradeGrid.Api.Security;

/// <summary>
/// The API-key scheme, and the scheme of calls without credentials. A key comes in <c>x-api-key</c> (gRPC metadata or
/// HTTP header), or as <c>Authorization: ApiKey KEY</c> or <c>Authorization: Bearer tg_...</c>. A call without
/// credentials is anonymous: with no authentication configured it gets every role (the open server), else
/// <see cref="AuthOptions.AnonymousRole"/> if set, else no result (then refused as Unauthenticated). Any other
/// Authorization header fails: a credential the server cannot check is refused, never ignored.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    ApiKeyValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyHeader = "x-api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers[KeyHeader].FirstOrDefault();
        string? authorization = Request.Headers.Authorization.FirstOrDefault();
        if (key is null && authorization is not null)
        {
            key = KeyInAuthorization(authorization, out string? why);
            if (key is null)
            {
                return Refused(why!); // KeyInAuthorization gives a reason whenever it finds no key
            }
        }
        if (key is null)
        {
            return Anonymous();
        }
        string? refusal = null;
        (string Id, string Role)? caller = await validator.ValidateAsync(key.Trim(), why => refusal = why, Context.RequestAborted);
        if (caller is not { } found)
        {
            return Refused(refusal ?? "API key refused");
        }
        return Success(CallerIdentity.KeyPrefix + found.Id, found.Role, SchemeName);
    }

    private string? KeyInAuthorization(string authorization, out string? why)
    {
        why = null;
        int space = authorization.IndexOf(' ');
        string scheme = space > 0 ? authorization[..space] : authorization;
        string value = space > 0 ? authorization[(space + 1)..].Trim() : string.Empty;
        if (scheme.Equals("ApiKey", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
        {
            return value;
        }
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && value.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal))
        {
            return value;
        }
        why = scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? "Authorization: Bearer: this server accepts no bearer tokens (no TradeGrid:Auth:Jwt issuer is configured); send an API key in x-api-key"
            : $"Authorization header: scheme '{Sanitized(scheme)}' is not accepted; send an API key in x-api-key (or Authorization: ApiKey KEY), or a JWT as Authorization: Bearer TOKEN";
        return null;
    }

    private AuthenticateResult Anonymous()
    {
        AuthOptions options = auth.Value;
        if (!options.Configured)
        {
            return Success(CallerIdentity.Anonymous, Roles.Admin, "Open");
        }
        return options.AnonymousRole.Length > 0 ? Success(CallerIdentity.Anonymous, options.AnonymousRole, "Anonymous") : AuthenticateResult.NoResult();
    }

    private AuthenticateResult Refused(string why)
    {
        Context.Items[CallerIdentity.FailureItem] = why;
        return AuthenticateResult.Fail(why);
    }

    private AuthenticateResult Success(string name, string role, string authenticationType)
    {
        ClaimsPrincipal principal = CallerIdentity.Create(name, role, authenticationType);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    // A header is the caller's input: quoted back only as far as it is plain and short.
    private static string Sanitized(string text) =>
        new(text.Take(20).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '?').ToArray());
}
