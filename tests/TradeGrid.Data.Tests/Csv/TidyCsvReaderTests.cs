using TradeGrid.Data.Csv;
using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Data.Tests.Csv;

public sealed class TidyCsvReaderTests
{
    private static ParsedImport Read(string text, long maxRows = 1000) =>
        TidyCsvReader.Read(new StringReader(text), new ImportOptions { FileName = "t.csv", DefaultSource = "test", MaxRows = maxRows });

    [Fact]
    public void Reads_rows_with_optional_columns_in_any_order()
    {
        ParsedImport parsed = Read("value,year,indicator,economy,partner,flag,source\n1.5,2020,x,CHN,JPN,published,\"Doc, p. 3\"\n2,2021,x,CHN,,,\n");

        Assert.Equal(2, parsed.RowsRead);
        Assert.Equal(2, parsed.Rows.Count);
        ObservationRow first = parsed.Rows[0];
        Assert.Equal(("CHN", "x", "JPN", 2020, 1.5), (first.Economy, first.Indicator, first.Partner, first.Year, first.Value));
        Assert.Equal(Provenance.Published, first.Provenance);
        Assert.Equal("Doc, p. 3", first.Source);
        Assert.Equal((Provenance.Reported, "test", string.Empty), (parsed.Rows[1].Provenance, parsed.Rows[1].Source, parsed.Rows[1].Partner));
        Assert.Equal(2, parsed.FirstLineOfEconomy["CHN"]);
        Assert.Equal(2, parsed.FirstLineOfEconomy["JPN"]);
    }

    [Fact]
    public void Empty_and_na_values_are_read_but_write_nothing()
    {
        ParsedImport parsed = Read("economy,indicator,year,value\nCHN,x,2020,\nCHN,x,2021,NA\nCHN,x,2022,3\n");

        Assert.Equal(3, parsed.RowsRead);
        Assert.Single(parsed.Rows);
        Assert.Equal(2022, parsed.Rows[0].Year);
    }

    [Theory]
    [InlineData("CHN,x,20x5,1", "line 3, column 'year'")]
    [InlineData("CHN,x,1700,1", "line 3, column 'year'")]
    [InlineData("CHN,x,2020,NaN", "line 3, column 'value'")]
    [InlineData("CHN,x,2020,Infinity", "line 3, column 'value'")]
    [InlineData("CHN,x,2020,1e999", "line 3, column 'value'")]
    [InlineData("CHN,x,2020,1,2", "line 3, column '*'")]
    [InlineData("chn!,x,2020,1", "line 3, column 'economy'")]
    [InlineData("CHN,,2020,1", "line 3, column 'indicator'")]
    public void A_bad_row_names_its_line_and_column(string badRow, string expected)
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("economy,indicator,year,value\nCHN,x,2019,1\n" + badRow + "\n"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_unknown_header_is_refused_naming_it()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("economy,indicator,year,value,colour\nCHN,x,2020,1,red\n"));

        Assert.Contains("line 1, column 'colour': unknown header", error.Message);
    }

    [Fact]
    public void A_missing_required_column_is_refused()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("economy,indicator,value\nCHN,x,1\n"));

        Assert.Contains("'year': missing from the header", error.Message);
    }

    [Fact]
    public void A_bad_flag_lists_the_accepted_words()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("economy,indicator,year,value,flag\nCHN,x,2020,1,guessed\n"));

        Assert.Contains(ProvenanceNames.Accepted, error.Message);
    }

    [Fact]
    public void More_rows_than_the_limit_is_a_resource_limit()
    {
        string text = "economy,indicator,year,value\n" + string.Concat(Enumerable.Range(2000, 5).Select(y => $"CHN,x,{y},1\n"));

        Assert.Equal(5, Read(text, maxRows: 5).RowsRead);
        Assert.Throws<ResourceLimitException>(() => Read(text, maxRows: 4));
    }

    [Fact]
    public void An_unterminated_quote_is_refused()
    {
        Assert.Throws<CsvFormatException>(() => Read("economy,indicator,year,value\nCHN,\"x,2020,1\n"));
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_later_lines_keep_their_numbers()
    {
        ParsedImport parsed = Read("economy,indicator,year,value,source\r\nCHN,x,2020,1,\"a, \"\"b\"\"\nc\"\r\nCHN,x,2021,2,\"\"\r\nCHN,x,2022,3,d\r\n");

        Assert.Equal(3, parsed.Rows.Count);
        Assert.Equal("a, \"b\"\nc", parsed.Rows[0].Source);
        Assert.Equal("test", parsed.Rows[1].Source);
        Assert.Equal("d", parsed.Rows[2].Source);
        Assert.Equal([2, 4, 5], parsed.Rows.Select(r => r.Line));
        var error = Assert.Throws<CsvFormatException>(() => Read("economy,indicator,year,value,source\nCHN,x,2020,1,\"a\nb\"\nCHN,x,20x1,1,c\n"));
        Assert.Contains("line 4, column 'year'", error.Message);
    }

    [Theory]
    [InlineData("CHN,x,2020,1,\"a\"b\n")]
    [InlineData("CHN,x,2020,1,a\"b\"\n")]
    public void A_stray_quote_is_refused_naming_its_line(string badRow)
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("economy,indicator,year,value,source\nCHN,x,2019,1,s\n" + badRow));

        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Rows_longer_than_the_read_buffer_are_read_whole()
    {
        string source = new('s', 200_000);
        ParsedImport parsed = Read($"economy,indicator,year,value,source\nCHN,x,2020,1,\"{source}\"\nCHN,x,2021,2,{source}\n");

        Assert.Equal([source, source], parsed.Rows.Select(r => r.Source));
    }
}
