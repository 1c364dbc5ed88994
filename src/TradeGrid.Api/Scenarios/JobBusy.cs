using Grpc.Core;
using TradeGrid.Api.Hosting;

namespace TradeGrid.Api.Scenarios;

/// <summary>Marks a JSON request refused for a busy server, so its HTTP status is 429 (retry later) rather than 413.</summary>
internal static class JobBusy
{
    public static void Mark(ServerCallContext context)
    {
        try
        {
            context.GetHttpContext().Items[JsonRequestGate.BusyItem] = true;
        }
        catch (InvalidOperationException)
        {
            // a hand-made test context has no HTTP request behind it
        }
    }
}
