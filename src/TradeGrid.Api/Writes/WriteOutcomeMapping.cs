using TradeGrid.Api.V1;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Writes;

/// <summary>A write's outcome as the API reports it: in the response (<see cref="WriteOutcome"/>) and in trailers.</summary>
public static class WriteOutcomeMapping
{
    public const string Trailer = "tradegrid-write";
    public const string IdTrailer = "tradegrid-write-id";
    public const string Committed = "committed";
    public const string NotWritten = "not-written";

    public static WriteOutcome ToProto(this WriteReceipt receipt) =>
        new() { Committed = true, WriteId = receipt.WriteId.ToString(), Sequence = receipt.Sequence };

    /// <summary>The outcome of the write the current call began, or null when it began none.</summary>
    public static WriteOutcome? Current() =>
        WriteTicket.Current is { WriteId: var id } ticket && id != Guid.Empty
            ? new WriteOutcome { Committed = ticket.Committed, WriteId = id.ToString(), Sequence = ticket.Sequence }
            : null;
}
