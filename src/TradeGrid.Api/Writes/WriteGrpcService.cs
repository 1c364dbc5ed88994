using Grpc.Core;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Api.Writes;

/// <summary>tradegrid.v1.WriteService: how a write ended, as the write ledger remembers it.</summary>
public sealed class WriteGrpcService(IGrainFactory grains) : WriteService.WriteServiceBase
{
    public override async Task<GetWriteResponse> GetWrite(GetWriteRequest request, ServerCallContext context)
    {
        Guid writeId = Guid.TryParse((request.WriteId ?? string.Empty).Trim(), out Guid parsed) && parsed != Guid.Empty
            ? parsed
            : throw new InvalidSpecException(
                $"write_id: {InputQuote.Quote(request.WriteId)} is not a write id; send the UUID of a tradegrid-write-id header or trailer, or of a response's write");
        WriteStatus? status = await grains.WriteLedger().Find(writeId, context.CancellationToken);
        return new GetWriteResponse
        {
            Write = new WriteOutcome { Committed = status?.Decision == WriteDecision.Committed, WriteId = writeId.ToString(), Sequence = status?.Sequence ?? 0 },
            State = status?.Decision switch
            {
                WriteDecision.Committed => WriteState.Committed,
                WriteDecision.Undecided => WriteState.Preparing,
                WriteDecision.Aborted => WriteState.Aborted,
                _ => WriteState.Unknown,
            },
        };
    }
}
