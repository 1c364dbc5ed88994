using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TradeGrid.Bench.BareServer;

internal static class KestrelExtensions
{
    /// <summary>HTTP/2 cleartext on 127.0.0.1 only, as TradeGrid's gRPC port.</summary>
    public static void ListenLocalhostOnly(this KestrelServerOptions kestrel, int port) =>
        kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
}
