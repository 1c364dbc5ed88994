using System.Diagnostics;
using TradeGrid.Data.Csv;

namespace TradeGrid.Bench;

/// <summary>
/// The server's own CSV reader (TradeGrid.Data's CsvImport, the code the Import RPC runs) on the same bytes, in this
/// process, from memory: the parsing share of an import, without gRPC, the pipe or the grains.
/// </summary>
internal static class ParseOnly
{
    /// <summary>The fastest of <paramref name="runs"/> parses (the first also warms the JIT), and the rows it kept.</summary>
    public static (TimeSpan Fastest, int Rows) Time(byte[] content, int runs)
    {
        TimeSpan fastest = TimeSpan.MaxValue;
        int rows = 0;
        for (int run = 0; run < runs; run++)
        {
            long start = Stopwatch.GetTimestamp();
            ParsedImport parsed = CsvImport.Read(new MemoryStream(content, writable: false), ImportFormat.Tidy, new ImportOptions { FileName = "bench-import.csv" });
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            rows = parsed.Rows.Count;
            fastest = elapsed < fastest ? elapsed : fastest;
        }
        return (fastest, rows);
    }
}
