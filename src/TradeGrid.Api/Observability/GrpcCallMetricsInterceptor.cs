using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TradeGrid.Api.Observability;

/// <summary>
/// The outermost interceptor: counts every call that reaches the gRPC service layer once it ends, with the status the
/// caller receives (<see cref="GrpcCallMetrics"/>). An RpcException carries it; a cancellation the error mapping did
/// not turn into one is Cancelled; any other exception reaches the caller as Unknown. Calls refused before the
/// service layer (authentication, rate limits) are ASP.NET Core's to count.
/// </summary>
public sealed class GrpcCallMetricsInterceptor(GrpcCallMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            TResponse response = await continuation(request, context);
            metrics.Completed(context.Method, context.Status.StatusCode);
            return response;
        }
        catch (Exception ex)
        {
            metrics.Completed(context.Method, StatusOf(ex));
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            TResponse response = await continuation(requestStream, context);
            metrics.Completed(context.Method, context.Status.StatusCode);
            return response;
        }
        catch (Exception ex)
        {
            metrics.Completed(context.Method, StatusOf(ex));
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
            metrics.Completed(context.Method, context.Status.StatusCode);
        }
        catch (Exception ex)
        {
            metrics.Completed(context.Method, StatusOf(ex));
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
            metrics.Completed(context.Method, context.Status.StatusCode);
        }
        catch (Exception ex)
        {
            metrics.Completed(context.Method, StatusOf(ex));
            throw;
        }
    }

    private static StatusCode StatusOf(Exception ex) => ex switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };
}
