using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using TradeGrid.Api.RateLimiting;

namespace TradeGrid.Api.Security;

/// <summary>
/// Puts each RPC's rule from <see cref="RpcAccessTable"/> on its endpoints, the gRPC one and the JSON one alike: the
/// authorization policy of its role (or anonymous access for health and reflection when they are open), and the
/// per-caller jobs limiter for long jobs. ASP.NET Core's authorization and rate-limiting middleware enforce them.
/// </summary>
public static class RpcAccessConventions
{
    public static TBuilder WithRpcAccess<TBuilder>(this TBuilder builder, AuthOptions options)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            GrpcMethodMetadata? grpc = endpoint.Metadata.OfType<GrpcMethodMetadata>().FirstOrDefault();
            if (grpc is null)
            {
                return;
            }
            RpcAccess access = RpcAccessTable.For(grpc.Method.ServiceName, grpc.Method.Name);
            bool open = grpc.Method.ServiceName == RpcAccessTable.HealthService ? options.OpenHealth : options.OpenReflection;
            if (access.Open && open)
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
            else
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(access.Open ? Roles.Reader : access.Role));
            }
            if (access.LongJob)
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(RateLimitSetup.JobsPolicy));
            }
        });
        return builder;
    }
}
