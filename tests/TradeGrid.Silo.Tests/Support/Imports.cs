using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Silo.Tests.Support;

/// <summary>Imports and reads the way the client does (a header, then chunks; GetSeries).</summary>
public static class Imports
{
    public static async Task<ImportResponse> ImportAsync(this DataService.DataServiceClient client, string csv, bool createEconomies = true)
    {
        byte[] content = Encoding.UTF8.GetBytes(csv);
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = client.Import();
        await call.RequestStream.WriteAsync(new ImportRequest { Header = new ImportHeader { FileName = "test.csv", CreateEconomies = createEconomies, Source = "test" } });
        for (int offset = 0; offset < content.Length; offset += 64 * 1024)
        {
            int n = Math.Min(64 * 1024, content.Length - offset);
            await call.RequestStream.WriteAsync(new ImportRequest { Chunk = ByteString.CopyFrom(content, offset, n) });
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>The series' value in a year, or null when the series or the year is missing.</summary>
    public static async Task<double?> ValueAsync(this DataService.DataServiceClient client, string economy, string indicator, int year)
    {
        try
        {
            GetSeriesResponse response = await client.GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = indicator, From = year, To = year });
            return response.Series.Observations.SingleOrDefault(o => o.Year == year)?.Value;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Repeats a read while the cluster has not yet noticed a silo's death (calls to grains it held fail until
    /// then). Not a speed requirement: the cap only stops a cluster that never recovers.
    /// </summary>
    public static async Task<T> WhenClusterSettledAsync<T>(Func<Task<T>> read)
    {
        DateTime giveUp = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return await read();
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded
                && DateTime.UtcNow < giveUp)
            {
                await Task.Delay(250);
            }
        }
    }
}
