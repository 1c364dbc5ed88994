extern alias cli;
using cli::TradeGrid.Cli.Output;

namespace TradeGrid.Api.Tests.Output;

/// <summary>The client's tables: as wide as their cells, text wrapped between words when narrower, and rows whose words alone are too wide listed one record at a time; no number or code is cut.</summary>
public sealed class ResultWriterTests
{
    private static readonly string[] Headers = ["id", "role", "origin", "created", "by", "revoked", "description"];

    [Fact]
    public void A_table_that_fits_keeps_every_cell_on_one_line()
    {
        string[][] rows = [["ops", "admin"], ["analyst", "reader"]];

        // |␣analyst␣|␣reader␣| : (7 + 3) + (6 + 3) + 1 = 20 columns
        Assert.Equal([7, 6], TableLayout.Widths(["id", "role"], rows, 20)!);
        Assert.Equal(20, TableLayout.FullWidth(["id", "role"], rows));
    }

    [Fact]
    public void Text_columns_narrow_to_no_less_than_their_longest_word_and_codes_keep_their_width()
    {
        string[] headers = ["code", "name", "region"];
        string[][] rows = [["COD", "Congo, Democratic Republic of the", "Sub-Saharan Africa"], ["ABW", "Aruba", "Latin America & Caribbean"]];

        int[] widths = TableLayout.Widths(headers, rows, 50)!;

        Assert.Equal(50, widths.Sum() + (3 * 3) + 1);
        Assert.Equal(4, widths[0]);
        Assert.True(widths[1] >= "Democratic".Length && widths[2] >= "Sub-Saharan".Length, string.Join(",", widths));
        Assert.Null(TableLayout.Widths(headers, rows, 30));
    }

    [Fact]
    public void Rows_too_wide_for_the_terminal_are_listed_one_record_at_a_time_with_every_value_whole()
    {
        string[][] rows =
        [
            ["ops", "admin", "configuration", "", "", "", ""],
            ["analyst-team-long-name", "reader", "stored", "2026-12-03 04:34:15Z", "key:ops", "", "R team working on the gravity model for RCEP"],
        ];
        Assert.Null(TableLayout.Widths(Headers, rows, 80));
        using var output = new StringWriter();

        ResultWriter.Expanded(output, Headers, rows, title: null);

        string[] lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(2 * (Headers.Length + 1), lines.Length);
        Assert.Equal("-[ 2 of 2 ]-", lines[Headers.Length + 1]);
        Assert.Contains("origin       configuration", lines);
        Assert.Contains("id           analyst-team-long-name", lines);
        Assert.Contains("description  R team working on the gravity model for RCEP", lines);
    }

    [Fact]
    public void A_coefficient_table_one_column_too_wide_for_the_box_is_written_without_it_every_number_whole()
    {
        string[] headers = ["term", "estimate", "std. error", "t", "p", "", "95% CI low", "high"];
        string[][] rows =
        [
            ["(Intercept)", "6.557", "0.238", "27.55", "1.15E-50", "***", "6.085", "7.028"],
            ["openness", "0.01444", "0.08172", "0.1766", "0.86", "", "-0.1475", "0.1764"],
        ];
        Assert.Null(TableLayout.Widths(headers, rows, 80));
        int[] widths = TableLayout.Widths(headers, rows, 80, TableLayout.CompactRules(headers.Length))!;
        using var output = new StringWriter();

        CompactTable.Write(output, headers, rows, widths, title: "OLS: log(rgdpna)");

        string[] lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("OLS: log(rgdpna)", lines[0]);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.StartsWith("(Intercept)  6.557", lines.Single(l => l.StartsWith("(Intercept)", StringComparison.Ordinal)), StringComparison.Ordinal);
        string openness = lines.Single(l => l.StartsWith("openness", StringComparison.Ordinal));
        Assert.All(rows[1].Where(c => c.Length > 0), cell => Assert.Contains(cell, openness.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains(lines, l => l.StartsWith("───────────  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Columns_no_row_fills_are_left_out_of_a_table_and_kept_when_there_is_no_row()
    {
        string[] headers = ["economy", "note", "cagr_%"];

        (string[] shown, string[][] rows) = TableLayout.WithoutEmptyColumns(headers, [["WLD", "", "12.0292"], ["CHN", "", "9.1"]]);
        (string[] none, _) = TableLayout.WithoutEmptyColumns(headers, []);
        (string[] kept, _) = TableLayout.WithoutEmptyColumns(headers, [["WLD", "", "1"], ["CHN", "gap filled", "2"]]);

        Assert.Equal(["economy", "cagr_%"], shown);
        Assert.Equal(["CHN", "9.1"], rows[1]);
        Assert.Equal(headers, none);
        Assert.Equal(headers, kept);
    }

    [Fact]
    public void No_rows_says_so()
    {
        using var output = new StringWriter();

        ResultWriter.Expanded(output, Headers, [], title: "API keys");

        Assert.Equal("API keys\n(no rows)\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
