using Microsoft.AspNetCore.Builder;
using TradeGrid.Api.Hosting;

namespace TradeGrid.Api.Tests.Security;

/// <summary>Builds the server's host from command-line arguments without starting it: a refusal comes while building.</summary>
internal static class HostBuild
{
    /// <summary>Ports 0 everywhere and warnings only, so a build never collides with another test's server.</summary>
    public static readonly string[] Ports = ["--grpc-port", "0", "--http-port", "0", "--gateway-port", "0", "--Logging:LogLevel:Default=Warning"];

    public static async Task BuildsAsync(string[] args)
    {
        WebApplication app = TradeGridHost.Build(args);
        await app.DisposeAsync();
    }
}
