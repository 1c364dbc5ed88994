using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsCheck;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Data.Tests.Csv;

/// <summary>
/// Property-based fuzzing (CsCheck) of both CSV readers, plain and gzip. Whatever the bytes, a read ends in a
/// <see cref="ParsedImport"/> whose every row is valid, or in the documented refusals (<see cref="CsvFormatException"/>,
/// <see cref="ResourceLimitException"/>) with a short, printable message; nothing else escapes. Valid files written
/// with random quoting, line ends and compression read back whole. The server writes only a whole ParsedImport, so
/// "all rows or a refusal" here is "all or nothing" for an import.
/// Iterations: TRADEGRID_FUZZ_ITER (default 3000 per property, about a minute in all on two cores); a timed run:
/// TRADEGRID_FUZZ_SECONDS=150 dotnet test tests/TradeGrid.Data.Tests --filter CsvFuzzTests (four properties: 10 minutes).
/// </summary>
public sealed class CsvFuzzTests
{
    private const int MaxMessageChars = 1000;

    private static readonly ImportOptions Options = new() { FileName = "fuzz.csv", MaxRows = 5000, MaxLineChars = 2048, MaxCellChars = 256 };

    private static readonly Gen<string> Cell = Gen.Frequency(
        (4, (IGen<string>)Gen.OneOf("CHN", "USA", "chn", "XXQ", "C1!", "WLD", " JPN ", "pop", "rgdpna", "x y", "gdp.pc_2")),
        (3, (IGen<string>)Gen.OneOf("2000", "1799", "2201", "20x1", "-5", "2000.0", "")),
        (4, (IGen<string>)Gen.OneOf("1.5", "-0", "1e308", "1e309", "NaN", "-Infinity", "NA", "..", "null", "1,234", "0x10", "٣", " 7 ", "")),
        (2, (IGen<string>)Gen.OneOf("reported", "published", "guessed", "\"quoted, with comma\"", "\"open", "a\"b", "\"\"", "\"x\"y")),
        (3, (IGen<string>)Gen.String[Gen.Char["\",\r\n\0 \t;aéZ9\uFFFD\u2028"], 0, 12]),
        (1, (IGen<string>)Gen.Int[200, 3000].Select(n => new string('w', n))));

    private static readonly Gen<string> Line = Gen.Frequency(
        (6, (IGen<string>)Cell.Array[1, 8].Select(cells => string.Join(",", cells))),
        (1, (IGen<string>)Gen.OneOf(string.Empty, " ", ",,,,", "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2000\",\"2001\",")));

    private static readonly Gen<string> Header = Gen.OneOf(
        "economy,indicator,year,value", "economy,indicator,year,value,partner,flag,source", "value,year,indicator,economy",
        "economy,indicator,year", "economy,indicator,year,value,unit", "\uFEFFeconomy,indicator,year,value",
        "\"Data Source\",\"World Development Indicators\",\n\n\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2000\",\"2001\",\"2002\",",
        "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"1999\",\"\",", string.Empty);

    private static readonly Gen<string> Text = Gen.Select(Header, Line.Array[0, 40], Gen.Bool, Gen.Bool,
        (header, lines, crlf, trailing) => header + (lines.Length > 0 ? "\n" : string.Empty) + string.Join(crlf ? "\r\n" : "\n", lines) + (trailing ? "\n" : string.Empty));

    /// <summary>How the bytes reach the reader: as they are, gzip-compressed, or gzip cut anywhere.</summary>
    private static readonly Gen<(byte[] Bytes, ImportFormat Format)> Upload = Gen.Select(
        Gen.Frequency((5, (IGen<byte[]>)Text.Select(t => Encoding.UTF8.GetBytes(t))), (1, (IGen<byte[]>)Gen.Byte.Array[0, 2000])),
        Gen.Int[0, 3], Gen.Double[0, 1], Gen.OneOf(ImportFormat.Detect, ImportFormat.Tidy, ImportFormat.WorldBankWide),
        (bytes, packing, cut, format) => (packing switch
        {
            1 => Gzip(bytes),
            2 => Gzip(bytes)[..(int)(Gzip(bytes).Length * cut)],
            _ => bytes,
        }, format));

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("TRADEGRID_FUZZ_ITER"), out long n) ? n : 3000;

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("TRADEGRID_FUZZ_SECONDS"), out int s) ? s : -1;

    [Fact]
    public void Any_bytes_give_valid_rows_or_a_documented_refusal() => Upload.Sample(upload =>
    {
        try
        {
            ParsedImport parsed = CsvImport.Read(new MemoryStream(upload.Bytes), upload.Format, Options);
            Assert.All(parsed.Rows, AssertValid);
            Assert.True(parsed.RowsRead >= parsed.Rows.Count || upload.Format != ImportFormat.Tidy);
        }
        catch (Exception ex) when (ex is CsvFormatException or ResourceLimitException)
        {
            Assert.True(ex.Message.Length <= MaxMessageChars, $"{ex.Message.Length}-character message");
            Assert.DoesNotContain(ex.Message, c => char.IsControl(c) || c == '\uFFFD');
        }
    }, iter: Iterations, time: Seconds);

    [Fact]
    public void Valid_tidy_files_read_back_whole_however_they_are_written() => Gen.Select(TidyRows, Gen.Bool, Gen.Bool, Gen.Bool).Sample((rows, crlf, quote, gzip) =>
    {
        var text = new StringBuilder("economy,indicator,year,value");
        foreach ((string economy, string indicator, int year, double value) in rows)
        {
            string v = value.ToString("R", CultureInfo.InvariantCulture);
            text.Append(crlf ? "\r\n" : "\n").Append(quote ? $"\"{economy}\",\"{indicator}\",{year},\"{v}\"" : $"{economy},{indicator},{year},{v}");
        }
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());

        ParsedImport parsed = CsvImport.Read(new MemoryStream(gzip ? Gzip(bytes) : bytes), ImportFormat.Detect, Options);

        Assert.Equal(rows.Select(r => (r.Economy, r.Indicator, r.Year, r.Value)), parsed.Rows.Select(r => (r.Economy, r.Indicator, r.Year, r.Value)));
    }, iter: Iterations, time: Seconds);

    [Fact]
    public void Valid_world_bank_files_read_back_whole() => Gen.Select(Gen.Int[1990, 2015], Gen.Double[-1e6, 1e6].Array[1, 12].Array[1, 20], Gen.Bool).Sample((first, table, gzip) =>
    {
        int width = table.Max(r => r.Length);
        var text = new StringBuilder("\"Data Source\",\"World Development Indicators\",\n\n\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",");
        text.AppendJoin(",", Enumerable.Range(first, width).Select(y => $"\"{y}\"")).Append(",\n");
        var expected = new List<(string, int, double)>();
        for (int r = 0; r < table.Length; r++)
        {
            string code = "E" + (char)('A' + (r % 26)) + (char)('A' + (r / 26));
            text.Append($"\"Name, {r}\",\"{code}\",\"An indicator\",\"IT.NET.USER\",");
            text.AppendJoin(",", Enumerable.Range(0, width).Select(i => i < table[r].Length ? $"\"{table[r][i].ToString("R", CultureInfo.InvariantCulture)}\"" : "\"\"")).Append(",\n");
            expected.AddRange(table[r].Select((v, i) => (code, first + i, v)));
        }
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());

        ParsedImport parsed = CsvImport.Read(new MemoryStream(gzip ? Gzip(bytes) : bytes), ImportFormat.Detect, Options);

        Assert.Equal(expected, parsed.Rows.Select(r => (r.Economy, r.Year, r.Value)));
    }, iter: Iterations, time: Seconds);

    [Fact]
    public void A_cut_gzip_is_refused_never_read_as_a_shorter_file() => Gen.Select(TidyRows, Gen.Double[0, 0.999]).Sample((rows, cut) =>
    {
        string text = "economy,indicator,year,value\n" + string.Concat(rows.Select(r => $"{r.Economy},{r.Indicator},{r.Year},{r.Value.ToString("R", CultureInfo.InvariantCulture)}\n"));
        byte[] whole = Gzip(Encoding.UTF8.GetBytes(text));

        var error = Assert.Throws<CsvFormatException>(() => CsvImport.Read(new MemoryStream(whole[..Math.Max(2, (int)(whole.Length * cut))]), ImportFormat.Detect, Options));

        Assert.Contains("gzip", error.Message);
    }, iter: Iterations, time: Seconds);

    private static Gen<(string Economy, string Indicator, int Year, double Value)[]> TidyRows =>
        Gen.Select(Gen.OneOf("CHN", "USA", "JPN", "WLD", "RCEP"), Gen.OneOf("pop", "rgdpna", "IT.NET.USER.ZS", "PUB_X"), Gen.Int[Years.Min, Years.Max],
            Gen.Double.Where(double.IsFinite)).Array[1, 60];

    private static void AssertValid(ObservationRow row)
    {
        Assert.True(EconomyCode.IsValid(row.Economy), row.Economy);
        Assert.True(IndicatorCode.IsValid(row.Indicator), row.Indicator);
        Assert.True(Years.IsValid(row.Year), row.Year.ToString(CultureInfo.InvariantCulture));
        Assert.True(double.IsFinite(row.Value));
        Assert.True(row.Partner.Length == 0 || EconomyCode.IsValid(row.Partner), row.Partner);
        Assert.True(row.Source.Length <= Options.MaxCellChars);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return compressed.ToArray();
    }
}
