using System.Globalization;
using Google.Protobuf;
using Spectre.Console;

namespace TradeGrid.Cli.Output;

/// <summary>Prints one answer in the chosen format: the rows as a table or CSV, or the whole response as JSON.</summary>
internal static class ResultWriter
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(true));

    public static void Write(OutputFormat format, IMessage response, string[] headers, IEnumerable<string[]> rows, string? title = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Console.Out.WriteLine(Json.Format(response));
                break;
            case OutputFormat.Markdown:
                Console.Out.WriteLine("| " + string.Join(" | ", headers.Select(Pipe)) + " |");
                Console.Out.WriteLine("|" + string.Concat(headers.Select(_ => "---|")));
                foreach (string[] row in rows)
                {
                    Console.Out.WriteLine("| " + string.Join(" | ", row.Select(Pipe)) + " |");
                }
                break;
            case OutputFormat.Latex:
                Console.Out.WriteLine(@"\begin{tabular}{" + new string('l', headers.Length) + "}");
                Console.Out.WriteLine(string.Join(" & ", headers.Select(Tex)) + @" \\ \hline");
                foreach (string[] row in rows)
                {
                    Console.Out.WriteLine(string.Join(" & ", row.Select(Tex)) + @" \\");
                }
                Console.Out.WriteLine(@"\end{tabular}");
                break;
            case OutputFormat.Csv:
                Console.Out.WriteLine(string.Join(",", headers.Select(Csv)));
                foreach (string[] row in rows)
                {
                    Console.Out.WriteLine(string.Join(",", row.Select(Csv)));
                }
                break;
            default:
                // A column no row fills says nothing in a table (CSV and JSON keep it).
                (headers, string[][] cells) = TableLayout.WithoutEmptyColumns(headers, rows.ToArray());
                int width = TerminalWidth();
                if (TableLayout.Widths(headers, cells, width) is not { } widths)
                {
                    // Without the box the columns need two spaces between them instead of three columns each.
                    if (TableLayout.Widths(headers, cells, width, TableLayout.CompactRules(headers.Length)) is { } compact)
                    {
                        CompactTable.Write(Console.Out, headers, cells, compact, title);
                    }
                    else
                    {
                        Expanded(Console.Out, headers, cells, title);
                    }
                    break;
                }
                var table = new Table { Border = TableBorder.Rounded };
                if (title is not null)
                {
                    table.Title = new TableTitle(Markup.Escape(title));
                }
                // Text is wrapped here, between words, to the layout's widths; then nothing is left for the table to
                // wrap, so a number or a code is never split (2.27E-7 / 5 over two lines reads as another number).
                for (int i = 0; i < headers.Length; i++)
                {
                    table.AddColumn(new TableColumn(Markup.Escape(TableLayout.Wrap(headers[i], widths[i]))).NoWrap());
                }
                foreach (string[] row in cells)
                {
                    table.AddRow(row.Select((cell, i) => Markup.Escape(i < widths.Length ? TableLayout.Wrap(cell, widths[i]) : cell)).ToArray());
                }
                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, width);
                AnsiConsole.Write(table);
                break;
        }
    }

    /// <summary>
    /// Rows too wide for the terminal, one record after another (as psql's expanded display): a header line per row,
    /// then one "column value" line per column, so no cell is cut or wrapped into another's place.
    /// </summary>
    public static void Expanded(TextWriter output, string[] headers, string[][] rows, string? title)
    {
        if (title is not null)
        {
            output.WriteLine(title);
        }
        if (rows.Length == 0)
        {
            output.WriteLine("(no rows)");
            return;
        }
        int label = headers.Max(h => h.Length);
        for (int r = 0; r < rows.Length; r++)
        {
            output.WriteLine($"-[ {r + 1} of {rows.Length} ]-");
            for (int c = 0; c < headers.Length; c++)
            {
                string value = c < rows[r].Length ? rows[r][c] : string.Empty;
                output.WriteLine((headers[c].PadRight(label) + "  " + value).TrimEnd());
            }
        }
    }

    /// <summary>$COLUMNS when set (also when piped), else the terminal's width (80 when piped).</summary>
    public static int TerminalWidth() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int c) && c >= 20 ? c : AnsiConsole.Profile.Width;

    /// <summary>The whole response in protobuf's JSON mapping.</summary>
    public static string JsonText(IMessage response) => Json.Format(response);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Pipe(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Tex(string cell) => cell.Replace("&", @"\&", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal).Replace("#", @"\#", StringComparison.Ordinal);

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
