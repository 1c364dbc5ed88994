using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// The last interceptor of <see cref="AccessServer"/>: a call that gets here has passed authentication, authorization
/// and the store check, and is answered <see cref="Status"/> without running, so the access matrix writes nothing and
/// runs no job whatever it calls.
/// </summary>
public sealed class ReachedServiceInterceptor : Interceptor
{
    public const StatusCode Status = StatusCode.DataLoss;
    public const string Detail = "reached the service";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) => throw Reached();

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) => throw Reached();

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) => throw Reached();

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) => throw Reached();

    private static RpcException Reached() => new(new global::Grpc.Core.Status(Status, Detail));
}
