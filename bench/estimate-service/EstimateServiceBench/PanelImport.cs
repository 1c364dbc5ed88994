using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// Sends the tidy CSV, already in memory, to <c>DataService.Import</c> as the client does (an ImportHeader with
/// create_economies, then 256 KiB chunks), timed from the first message to the response, with the server's CPU time.
/// </summary>
internal static class PanelImport
{
    private const int ChunkBytes = 256 * 1024;

    public static async Task<ImportResult> RunAsync(DataService.DataServiceClient client, byte[] csv, int serverPid)
    {
        double cpuBefore = ProcFs.CpuSeconds(serverPid);
        var clock = Stopwatch.StartNew();
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = client.Import();
        var header = new ImportHeader { Format = ImportFormat.Tidy, CreateEconomies = true, FileName = "estimate-service-panel.csv", Source = "EstimateServiceBench" };
        await call.RequestStream.WriteAsync(new ImportRequest { Header = header });
        for (int offset = 0; offset < csv.Length; offset += ChunkBytes)
        {
            int length = Math.Min(ChunkBytes, csv.Length - offset);
            await call.RequestStream.WriteAsync(new ImportRequest { Chunk = ByteString.CopyFrom(csv, offset, length) });
        }

        await call.RequestStream.CompleteAsync();
        ImportResponse response = await call.ResponseAsync;
        double seconds = clock.Elapsed.TotalSeconds;
        double cpu = ProcFs.CpuSeconds(serverPid) - cpuBefore;
        return new ImportResult(response, csv.Length, seconds, cpu, ProcFs.Memory(serverPid).RssMiB);
    }
}
