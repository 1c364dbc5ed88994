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
                var table = new Table { Border = TableBorder.Rounded };
                if (title is not null)
                {
                    table.Title = new TableTitle(Markup.Escape(title));
                }
                // A cell is never wrapped: a number split over two lines (2.27E-7 / 5) reads as another number.
                foreach (string header in headers)
                {
                    table.AddColumn(new TableColumn(Markup.Escape(header)).NoWrap());
                }
                foreach (string[] row in rows)
                {
                    table.AddRow(row.Select(Markup.Escape).ToArray());
                }
                AnsiConsole.Write(table);
                break;
        }
    }

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
