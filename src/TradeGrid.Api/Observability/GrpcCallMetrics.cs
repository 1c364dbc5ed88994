using System.Diagnostics.Metrics;
using Grpc.Core;

namespace TradeGrid.Api.Observability;

/// <summary>
/// TradeGrid's own meter (<see cref="MeterName"/>): the completed gRPC calls (and JSON calls transcoded to them), one
/// series per method and status, so an operator sees NotFound, InvalidArgument or Unavailable rates per RPC, which
/// ASP.NET Core's request duration does not separate for calls whose HTTP status is 200 (every gRPC error is).
/// Tags follow OpenTelemetry's RPC conventions: <c>rpc.service</c>, <c>rpc.method</c> and <c>rpc.grpc.status_code</c>
/// (the number: 0 OK, 5 NOT_FOUND, …).
/// </summary>
public sealed class GrpcCallMetrics
{
    public const string MeterName = "TradeGrid.Api";

    public const string CallsInstrument = "tradegrid.grpc.server.calls";

    private readonly Counter<long> _calls;

    public GrpcCallMetrics(IMeterFactory meters)
    {
        Meter meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>(CallsInstrument, "{call}", "gRPC calls completed, by method and status code");
    }

    /// <summary>Counts one call to <paramref name="method"/> (gRPC's path: <c>/tradegrid.v1.DataService/GetSeries</c>).</summary>
    public void Completed(string method, StatusCode status)
    {
        int slash = method.LastIndexOf('/');
        string service = slash > 0 ? method[1..slash] : string.Empty;
        string name = slash >= 0 ? method[(slash + 1)..] : method;
        _calls.Add(1,
            new KeyValuePair<string, object?>("rpc.system", "grpc"),
            new KeyValuePair<string, object?>("rpc.service", service),
            new KeyValuePair<string, object?>("rpc.method", name),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)status));
    }
}
