namespace TradeGrid.Api.Observability;

/// <summary>
/// Which of the server's listeners a request came in on. Kestrel marks each connection as it is accepted (the
/// mark is in the connection's items, which a client cannot touch, unlike the Host header), so the metrics and
/// admin endpoints can be served on their own ports only, whatever the request says.
/// </summary>
public enum Listener
{
    /// <summary>The gRPC and JSON/HTTP ports.</summary>
    Public,

    /// <summary>The Prometheus scrape port.</summary>
    Metrics,

    /// <summary>The admin port (the Orleans dashboard).</summary>
    Admin,
}
