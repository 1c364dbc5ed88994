using Grpc.Core;
using Grpc.Core.Interceptors;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Writes;

/// <summary>
/// Opens a <see cref="WriteTicket"/> for every call and, when the call began a write, says in the trailers whether it
/// was committed (every economy shows it) or not (nothing written): <c>tradegrid-write</c> and <c>tradegrid-write-id</c>.
/// A call that fails after the commit point says committed; one that fails before it, not-written. A gRPC call also
/// gets <c>tradegrid-write-id</c> in its response headers as soon as the write begins, so a caller whose deadline or
/// connection ends the call before the trailers can still ask WriteService.GetWrite how it ended. JSON calls do not:
/// sending headers early would fix the HTTP status at 200 before the outcome is known.
/// </summary>
public sealed class WriteOutcomeInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        WriteTicket ticket = WriteTicket.Open(id => AnnounceAsync(id, context));
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
        WriteTicket ticket = WriteTicket.Open(id => AnnounceAsync(id, context));
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
        WriteTicket ticket = WriteTicket.Open(id => AnnounceAsync(id, context));
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            Tell(ticket, context);
        }
    }

    private static async Task AnnounceAsync(Guid writeId, ServerCallContext context)
    {
        string? contentType = context.GetHttpContext().Request.ContentType;
        if (contentType is null || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        try
        {
            await context.WriteResponseHeadersAsync(new Metadata { { WriteOutcomeMapping.IdTrailer, writeId.ToString() } });
        }
        catch (InvalidOperationException)
        {
            // Headers already sent (a stream that wrote before its write began): the trailers still carry the id.
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
