using Grpc.Core;
using Grpc.Core.Interceptors;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Writes;

/// <summary>
/// Opens a <see cref="WriteTicket"/> for every call and, when the call began a write, says in the trailers whether it
/// was committed (every economy shows it) or not (nothing written): <c>tradegrid-write</c> and <c>tradegrid-write-id</c>.
/// A call that fails after the commit point says committed; one that fails before it, not-written.
/// </summary>
public sealed class WriteOutcomeInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        WriteTicket ticket = WriteTicket.Open();
        try
        {
            return await continuation(request, context);
        }
        finally
        {
            Tell(ticket, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        WriteTicket ticket = WriteTicket.Open();
        try
        {
            return await continuation(requestStream, context);
        }
        finally
        {
            Tell(ticket, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        WriteTicket ticket = WriteTicket.Open();
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            Tell(ticket, context);
        }
    }

    private static void Tell(WriteTicket ticket, ServerCallContext context)
    {
        if (ticket.WriteId == Guid.Empty)
        {
            return;
        }
        context.ResponseTrailers.Add(WriteOutcomeMapping.Trailer, ticket.Committed ? WriteOutcomeMapping.Committed : WriteOutcomeMapping.NotWritten);
        context.ResponseTrailers.Add(WriteOutcomeMapping.IdTrailer, ticket.WriteId.ToString());
    }
}
