using Grpc.Net.Client;

namespace TradeGrid.Bench;

internal static class Channels
{
    /// <summary>
    /// One channel per server, shared by all callers; HTTP/2 cleartext. Both servers get the same settings, so
    /// client-side costs are the same on both sides of a ratio.
    /// </summary>
    public static GrpcChannel Create(int port) =>
        GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                // Above 100 concurrent streams (Kestrel's default limit) a second connection opens instead of queueing.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                ConnectTimeout = TimeSpan.FromSeconds(2),
            },
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
}
