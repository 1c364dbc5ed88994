using System.IO.Compression;
using System.Text;
using TradeGrid.Data.Csv;
using TradeGrid.Domain;

namespace TradeGrid.Data.Tests.Csv;

/// <summary>Inputs that must be refused with a short message: over-long lines and fields, binary files, cut gzip.</summary>
public sealed class ImportLimitsTests
{
    private const string Header = "economy,indicator,year,value,source\n";

    private static ParsedImport Read(string text, ImportOptions? options = null) =>
        CsvImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Detect, options ?? new ImportOptions { FileName = "f.csv" });

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return compressed.ToArray();
    }

    private static string ManyRows(int count) =>
        Header + string.Concat(Enumerable.Range(0, count).Select(i => $"CHN,pop,{1950 + i % 70},{i}.5,src\n"));

    [Fact]
    public void A_line_without_a_break_is_refused_at_the_limit_and_quoted_short()
    {
        string text = Header + "CHN,pop,2000," + new string('9', 10 * 1024 * 1024);

        var error = Assert.Throws<ResourceLimitException>(() => Read(text));

        Assert.Contains("f.csv line 2", error.Message);
        Assert.Contains("TradeGrid:Import:MaxLineChars", error.Message);
        Assert.Contains("65536", error.Message);
        Assert.True(error.Message.Length < 400, $"message of {error.Message.Length} characters");
    }

    [Fact]
    public void A_source_cell_over_the_limit_is_refused_naming_line_field_and_setting()
    {
        string text = Header + "CHN,pop,2000,1," + new string('s', 2000) + "\n";

        var error = Assert.Throws<ResourceLimitException>(() => Read(text));

        Assert.Contains("f.csv line 2, field 5: 2000 characters", error.Message);
        Assert.Contains("TradeGrid:Import:MaxCellChars", error.Message);
        Assert.True(error.Message.Length < 400, $"message of {error.Message.Length} characters");
    }

    [Fact]
    public void Limits_follow_the_options()
    {
        string text = Header + "CHN,pop,2000,1,abcdefghijk\n";

        var error = Assert.Throws<ResourceLimitException>(() => Read(text, new ImportOptions { MaxCellChars = 10 }));
        ParsedImport parsed = Read(text, new ImportOptions { MaxCellChars = 11 });

        Assert.Contains("limit of 10", error.Message);
        Assert.Equal("abcdefghijk", Assert.Single(parsed.Rows).Source);
    }

    [Fact]
    public void A_world_bank_line_over_the_limit_is_refused()
    {
        string text = "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2000\",\n\"" + new string('n', 100_000) + "\n";

        var error = Assert.Throws<ResourceLimitException>(() => Read(text));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Binary_data_is_refused_as_not_text_without_echoing_it()
    {
        byte[] garbage = new byte[4096];
        new Random(12).NextBytes(garbage);
        garbage[0] = (byte)'e';
        garbage[1] = 0;

        var error = Assert.Throws<CsvFormatException>(() => CsvImport.Read(new MemoryStream(garbage), ImportFormat.Detect, new ImportOptions { FileName = "f.bin" }));

        Assert.StartsWith("f.bin: not a CSV text file: byte 2 is 0x00", error.Message);
        Assert.DoesNotContain('\0', error.Message);
        Assert.True(error.Message.Length < 300, $"message of {error.Message.Length} characters");
    }

    [Fact]
    public void A_truncated_gzip_is_reported_as_truncated_not_as_a_short_row()
    {
        byte[] whole = Gzip(ManyRows(2000));
        byte[] cut = whole[..(whole.Length / 2)];

        var error = Assert.Throws<CsvFormatException>(() => CsvImport.Read(new MemoryStream(cut), ImportFormat.Detect, new ImportOptions { FileName = "f.csv.gz" }));

        Assert.StartsWith("f.csv.gz: truncated or corrupt gzip", error.Message);
        Assert.Contains("gzip -t", error.Message);
    }

    [Fact]
    public void A_gzip_missing_only_its_trailer_is_refused()
    {
        byte[] whole = Gzip(ManyRows(50));

        var error = Assert.Throws<CsvFormatException>(() => CsvImport.Read(new MemoryStream(whole[..^8]), ImportFormat.Detect, new ImportOptions()));

        Assert.Contains("truncated or corrupt gzip", error.Message);
    }

    [Fact]
    public void A_whole_gzip_reads_every_row()
    {
        ParsedImport parsed = CsvImport.Read(new MemoryStream(Gzip(ManyRows(2000))), ImportFormat.Detect, new ImportOptions());

        Assert.Equal(2000, parsed.Rows.Count);
    }

    [Fact]
    public void Corrupt_deflate_data_is_refused_as_corrupt_gzip()
    {
        byte[] bytes = Gzip(ManyRows(2000));
        for (int i = 20; i < bytes.Length - 20; i += 7)
        {
            bytes[i] ^= 0x5a;
        }

        var error = Assert.Throws<CsvFormatException>(() => CsvImport.Read(new MemoryStream(bytes), ImportFormat.Detect, new ImportOptions()));

        Assert.Contains("truncated or corrupt gzip", error.Message);
    }

    [Fact]
    public void A_partner_equal_to_the_economy_is_a_domestic_flow_and_kept()
    {
        // Structural gravity data (Yotov et al. 2016) carry intra-national trade as economy = partner.
        string text = "economy,indicator,year,value,partner\nCHN,x,2020,1,JPN\nCHN,x,2020,7,CHN\n";

        ParsedImport parsed = Read(text);

        Assert.Equal(7, parsed.Rows.Single(r => r.Partner == "CHN").Value);
    }

    [Fact]
    public void A_long_bad_code_is_quoted_to_eighty_characters()
    {
        string text = Header + new string('Q', 500) + ",pop,2000,1,s\n";

        var error = Assert.Throws<CsvFormatException>(() => Read(text));

        Assert.Contains($"'{new string('Q', InputQuote.MaxChars)}…' (500 characters) is not an economy code", error.Message);
    }
}
