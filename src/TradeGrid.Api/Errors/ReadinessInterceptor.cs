using Grpc.Core;
using Grpc.Core.Interceptors;
using TradeGrid.Api.Hosting;

namespace TradeGrid.Api.Errors;

/// <summary>
/// Until the start-up data is loaded, TradeGrid's own RPCs answer Unavailable (retry later) rather than NotFound for
/// economies that are simply not loaded yet. Health and reflection are not gated: they say when to come back.
/// </summary>
public sealed class ReadinessInterceptor(DatasetReadiness readiness) : Interceptor
{
    private const string GatedPrefix = "/tradegrid.";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Gate(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Gate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Gate(context);
        return continuation(request, responseStream, context);
    }

    private void Gate(ServerCallContext context)
    {
        if (!readiness.IsReady && context.Method.StartsWith(GatedPrefix, StringComparison.Ordinal))
        {
            string why = readiness.Failure is { } failure ? $"the dataset failed to load: {failure}" : "the server is still loading its dataset";
            throw new RpcException(new Status(StatusCode.Unavailable, $"{why}; retry when grpc.health.v1 (or GET /healthz) reports SERVING"));
        }
    }
}
