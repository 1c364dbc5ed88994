using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TradeGrid.Api.Security;

/// <summary>
/// Authentication and authorization for the server: the API-key scheme, JwtBearer when an issuer is configured (a
/// policy scheme picks by the Authorization header), one authorization policy per role, and the refusal answers.
/// Checks the configuration at start and refuses to serve a non-loopback address without authentication.
/// </summary>
public static class SecuritySetup
{
    public const string Scheme = "TradeGrid";

    public static AuthOptions AddTradeGridSecurity(this WebApplicationBuilder builder, string host)
    {
        IConfigurationSection section = builder.Configuration.GetSection(AuthOptions.Section);
        AuthOptions options = section.Get<AuthOptions>() ?? new AuthOptions();
        Check(options, host);
        builder.Services.Configure<AuthOptions>(section);
        builder.Services.AddSingleton<ApiKeyValidator>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalResultHandler>();

        AuthenticationBuilder authentication = builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or bearer token", policy => policy.ForwardDefaultSelector = context =>
            {
                string? authorization = context.Request.Headers.Authorization.FirstOrDefault();
                bool bearerToken = authorization is not null
                    && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    && !authorization.AsSpan(7).Trim().StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal);
                return bearerToken && options.Jwt.Configured ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (options.Jwt.Configured)
        {
            authentication.AddJwtBearer(bearer => JwtSetup.Configure(bearer, options.Jwt));
        }
        builder.Services.AddAuthorization(authorization =>
        {
            foreach (string role in Roles.All)
            {
                authorization.AddPolicy(role, policy => policy.RequireClaim(Roles.ClaimType, role));
            }
        });
        return options;
    }

    /// <summary>What the server says at start about who may call it.</summary>
    public static string Describe(AuthOptions options, string host)
    {
        if (!options.Configured)
        {
            return $"no authentication configured: every caller that reaches {host} may read, write and administer "
                + (IsLoopback(host) ? "(loopback only)" : "(--allow-anonymous)")
                + "; to require keys or tokens see docs/security.md";
        }
        string schemes = string.Join(" and ", new[]
        {
            options.ApiKeys.Count > 0 ? $"{options.ApiKeys.Count} API key(s) in configuration plus stored keys" : "stored API keys",
            options.Jwt.Configured ? "JWT bearer tokens" : null,
        }.Where(s => s is not null));
        return $"authentication on: {schemes}; callers without credentials "
            + (options.AnonymousRole.Length > 0 ? $"get the {options.AnonymousRole} role" : "are refused");
    }

    private static void Check(AuthOptions options, string host)
    {
        for (int i = 0; i < options.ApiKeys.Count; i++)
        {
            ConfiguredApiKey key = options.ApiKeys[i];
            string at = $"{AuthOptions.Section}:ApiKeys:{i}";
            string? error = ApiKeySecret.IdError(key.Id) is { } idError ? $"{at}:Id '{key.Id}': {idError}"
                : !Roles.IsKnown(key.Role) ? $"{at}:Role '{key.Role}': give reader, writer or admin"
                : !IsBase64(key.Salt) || !IsBase64(key.Hash) ? $"{at}: Salt and Hash must be base64, as printed by new-api-key"
                : options.ApiKeys.Take(i).Any(k => k.Id == key.Id) ? $"{at}:Id '{key.Id}' is given twice"
                : null;
            if (error is not null)
            {
                throw new StartupRefusedException(error);
            }
        }
        if (options.AnonymousRole.Length > 0 && !Roles.IsKnown(options.AnonymousRole))
        {
            throw new StartupRefusedException($"{AuthOptions.Section}:AnonymousRole '{options.AnonymousRole}': give reader, writer, admin or leave it empty");
        }
        if (!options.Configured && !options.AllowAnonymous && !IsLoopback(host))
        {
            throw new StartupRefusedException(
                $"refusing to listen on {host} without authentication: anyone who reaches the port could import, overwrite stored series "
                + "and start jobs. Either configure API keys (make one with `dotnet run --project silo -- new-api-key --id ops --role admin` "
                + "and add the printed entry to TradeGrid:Auth:ApiKeys) or JWT bearer tokens (TradeGrid:Auth:Jwt), or, to serve every caller "
                + "without authentication, start with --allow-anonymous. See docs/security.md.");
        }
    }

    /// <summary>True for 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(string host) => IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address);

    private static bool IsBase64(string text) => text.Length > 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
