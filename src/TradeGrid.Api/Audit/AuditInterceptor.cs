using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TradeGrid.Api.Security;
using TradeGrid.Api.Writes;
using TradeGrid.Grains.Abstractions.Audit;
using TradeGrid.Grains.Audit;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Audit;

/// <summary>
/// Records every call that began a write (an import, a stored fill, prediction, forecast or world estimate): who, the
/// RPC and its request in a line, committed or not, and each economy's data version before and after. It runs inside
/// <see cref="WriteOutcomeInterceptor"/>, whose <see cref="WriteTicket"/> says what the call wrote, and writes the
/// entry to the structured log (category TradeGrid.Audit) and to the durable audit log (<see cref="IAuditStore"/>: grain state or the PostgreSQL table)
/// before the call returns. Calls that wrote nothing are not recorded.
/// </summary>
public sealed class AuditInterceptor(IAuditStore audit, ILoggerFactory loggers, TimeProvider time) : Interceptor
{
    private const int SummaryChars = 400;
    private readonly ILogger _log = loggers.CreateLogger("TradeGrid.Audit");

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        StatusCode status = StatusCode.Unknown;
        try
        {
            TResponse response = await continuation(request, context);
            status = StatusCode.OK;
            return response;
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        finally
        {
            await RecordAsync(context, request as IMessage, status);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        StatusCode status = StatusCode.Unknown;
        try
        {
            await continuation(request, responseStream, context);
            status = StatusCode.OK;
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        finally
        {
            await RecordAsync(context, request as IMessage, status);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var first = new FirstMessageReader<TRequest>(requestStream);
        StatusCode status = StatusCode.Unknown;
        try
        {
            TResponse response = await continuation(first, context);
            status = StatusCode.OK;
            return response;
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        finally
        {
            await RecordAsync(context, first.First as IMessage, status);
        }
    }

    private async Task RecordAsync(ServerCallContext context, IMessage? request, StatusCode status)
    {
        if (WriteTicket.Current is not { WriteId: var writeId } ticket || writeId == Guid.Empty)
        {
            return;
        }
        HttpContext http = context.GetHttpContext();
        var record = new AuditRecord
        {
            Time = time.GetUtcNow(),
            Caller = CallerIdentity.Name(http),
            Role = CallerIdentity.Role(http.User),
            Rpc = context.Method.TrimStart('/').Replace('/', '.'),
            Summary = Summary(request),
            Outcome = ticket.Committed ? WriteOutcomeMapping.Committed : WriteOutcomeMapping.NotWritten,
            WriteId = writeId,
            // A write adds one data version to every economy it touches (docs/writes.md).
            Economies = ticket.Versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new AuditVersions(v.Key, v.Value - 1, v.Value)).ToArray(),
            Status = status.ToString(),
        };
        _log.LogInformation(
            "audit: {Caller} ({Role}) {Rpc} {Outcome} write {WriteId} status {Status}; economies {Economies}; request {Summary}",
            record.Caller, record.Role, record.Rpc, record.Outcome, record.WriteId, record.Status,
            string.Join(" ", record.Economies.Select(e => $"{e.Economy}:{e.Before}->{e.After}")), record.Summary);
        try
        {
            await audit.Append(record, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The write stands (it may be committed); the structured log above still holds the entry.
            _log.LogError(ex, "audit: the durable audit log did not take the entry for write {WriteId}", writeId);
        }
    }

    private static string Summary(IMessage? request)
    {
        if (request is null)
        {
            return string.Empty;
        }
        string json = JsonFormatter.Default.Format(request);
        return json.Length <= SummaryChars ? json : json[..SummaryChars] + "…";
    }

    /// <summary>Passes a request stream through, keeping its first message (an import's header).</summary>
    private sealed class FirstMessageReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T? First { get; private set; }

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            bool more = await inner.MoveNext(cancellationToken);
            if (more && First is null)
            {
                First = inner.Current;
            }
            return more;
        }
    }
}
