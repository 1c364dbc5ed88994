using System.IO.Compression;
using System.Text;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Tests.Support;

namespace TradeGrid.Data.Tests.Csv;

public sealed class CsvImportTests
{
    private const string Tidy = "economy,indicator,year,value\nCHN,x,2020,1.25\nJPN,x,2020,2\n";

    [Fact]
    public void Gzip_is_detected_and_read_like_the_plain_file()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Tidy));
        }
        compressed.Position = 0;

        ParsedImport fromGzip = CsvImport.Read(compressed, ImportFormat.Detect, new ImportOptions());
        ParsedImport fromPlain = CsvImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(Tidy)), ImportFormat.Detect, new ImportOptions());

        Assert.Equal(fromPlain.Rows.Select(r => (r.Economy, r.Year, r.Value)), fromGzip.Rows.Select(r => (r.Economy, r.Year, r.Value)));
        Assert.Equal(2, fromGzip.Rows.Count);
    }

    [Fact]
    public void World_bank_bulk_files_are_detected_and_read_whole()
    {
        string path = SharedData.Path("wb_wide_raw/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv");
        string[] lines = File.ReadAllLines(path);
        // An independent count: every non-empty numeric cell from column 5 on, in rows after the header.
        int header = Array.FindIndex(lines, l => l.TrimStart('\uFEFF').StartsWith("\"Country Name\"", StringComparison.Ordinal));
        int expected = lines.Skip(header + 1).Where(l => l.Length > 0)
            .Sum(l => l.Split("\",\"").Skip(4).Count(cell => cell.Trim('"', ',').Length > 0));

        using FileStream stream = File.OpenRead(path);
        ParsedImport parsed = CsvImport.Read(stream, ImportFormat.Detect, new ImportOptions { FileName = "wb.csv" });

        Assert.Equal(expected, parsed.Rows.Count);
        Assert.All(parsed.Rows, r => Assert.Equal("IT.NET.USER.ZS", r.Indicator));
        Assert.Contains(parsed.Rows, r => r.Economy == "CHN" && r.Year == 2020);
        Assert.Equal("Individuals using the Internet (% of population)", parsed.IndicatorNames["IT.NET.USER.ZS"]);
        Assert.True(parsed.FirstLineOfEconomy["ABW"] > header);
    }

    [Fact]
    public void A_world_bank_header_with_a_wrong_column_is_refused()
    {
        string text = "\"Data Source\",\"World Development Indicators\",\n\n\"Country Name\",\"Code\",\"Indicator Name\",\"Indicator Code\",\"2000\",\n";

        var error = Assert.Throws<CsvFormatException>(() => CsvImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Detect, new ImportOptions()));

        Assert.Contains("column 2 must be 'Country Code'", error.Message);
    }
}
