using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TradeGrid.Api.Security;

/// <summary>
/// What the authorization middleware answers when a policy fails: Unauthenticated (HTTP 401) when the caller sent no
/// credentials or credentials that failed, saying why and how to send them; PermissionDenied (HTTP 403) when the
/// caller is known but lacks the role, naming the role needed and the role held. gRPC callers get the status in
/// gRPC's own form (<see cref="GrpcStatusResponse"/>).
/// </summary>
public sealed class RefusalResultHandler(IOptions<AuthOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        string rpc = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
            ? $"{grpc.Method.ServiceName[(grpc.Method.ServiceName.LastIndexOf('.') + 1)..]}.{grpc.Method.Name}"
            : context.Request.Path.Value ?? string.Empty;
        string needed = NeededRole(policy);
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = options.Value.Jwt.Configured ? "ApiKey, Bearer" : "ApiKey";
            string why = context.Items[CallerIdentity.FailureItem] as string
                ?? "no credentials; this server requires an API key (header x-api-key; client: --api-key KEY or TRADEGRID_API_KEY)"
                   + (options.Value.Jwt.Configured ? " or a bearer token (Authorization: Bearer JWT; client: --token)" : string.Empty);
            await GrpcStatusResponse.WriteAsync(context, StatusCode.Unauthenticated, StatusCodes.Status401Unauthorized, $"{why} (calling {rpc})");
            return;
        }
        string held = CallerIdentity.Role(context.User);
        await GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, StatusCodes.Status403Forbidden,
            $"{rpc} needs the {needed} role; the caller {CallerIdentity.Name(context)} holds {(held.Length > 0 ? held : "no TradeGrid role")}. "
            + $"Use a key or token with the {needed} role.");
    }

    private static string NeededRole(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<ClaimsAuthorizationRequirement>().SelectMany(r => r.AllowedValues ?? []).FirstOrDefault() ?? Roles.Reader;
}
