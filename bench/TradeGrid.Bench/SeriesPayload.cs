using Google.Protobuf;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>The series both servers answer with: USA rgdpna over every year PWT 9.1 has (1950–2017, 68 values).</summary>
internal static class SeriesPayload
{
    public static GetSeriesRequest Request => new() { Economy = "USA", Indicator = "rgdpna" };

    /// <summary>Writes TradeGrid's answer where the bare server will read it, so that both send the same bytes.</summary>
    public static string Save(GetSeriesResponse response, string outDirectory)
    {
        Directory.CreateDirectory(outDirectory);
        string path = Path.Combine(outDirectory, $"payload-{response.Series.Economy}-{response.Series.Indicator}-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, response.ToByteArray());
        return path;
    }
}
