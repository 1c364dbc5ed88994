using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// A server with authentication on (a key per role, no anonymous access) whose services are never reached: the
/// <see cref="ReachedServiceInterceptor"/> answers every call that passes the access checks. No data is loaded.
/// </summary>
public sealed class AccessServer : ServerFixture
{
    public TestKeys Keys { get; } = new(Roles.Reader, Roles.Writer, Roles.Admin);

    protected override IEnumerable<string> Arguments => ["--no-default-data", .. Keys.Arguments];

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<ReachedServiceInterceptor>());
}
