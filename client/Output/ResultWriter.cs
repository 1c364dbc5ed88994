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
                foreach (string header in headers)
                {
                    table.AddColumn(new TableColumn(Markup.Escape(header)));
                }
                foreach (string[] row in rows)
                {
                    table.AddRow(row.Select(Markup.Escape).ToArray());
                }
                AnsiConsole.Write(table);
                break;
        }
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
