using Grpc.Core;
using Grpc.Core.Interceptors;
using TradeGrid.Domain;

namespace TradeGrid.Api.Errors;

/// <summary>
/// Turns domain errors (thrown in the gateway's validation or inside a grain) into gRPC statuses with their message,
/// a caller's expired deadline or cancellation into DeadlineExceeded / Cancelled, and a grain call past its response
/// timeout or a silo lost mid-call into Unavailable (never Unknown).
/// </summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    private static RpcException? Map(Exception exception, ServerCallContext context) => exception switch
    {
        TradeGridException domain => StatusMapping.ToRpcException(domain),
        OperationCanceledException when context.Deadline <= DateTime.UtcNow =>
            new RpcException(new Status(StatusCode.DeadlineExceeded, "the call's deadline passed before the work finished; nothing was changed unless the response said so")),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled by the caller")),
        TimeoutException =>
            new RpcException(new Status(StatusCode.Unavailable, "a step inside the server took longer than its response timeout (the machine may be overloaded); nothing was changed unless the response said so: retry later")),
        Orleans.Runtime.SiloUnavailableException =>
            new RpcException(new Status(StatusCode.Unavailable, "a silo holding part of this request's data stopped answering; the cluster moves its work to another silo: retry in a few seconds")),
        _ => null,
    };
}
