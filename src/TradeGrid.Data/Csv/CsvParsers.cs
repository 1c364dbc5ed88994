using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TradeGrid.Data.Csv;

/// <summary>The one way imports open CSV: RFC 4180, invariant culture, a malformed field refused with its line.</summary>
internal static class CsvParsers
{
    public static CsvParser Open(TextReader reader, string fileName)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => throw CsvFormatException.At(fileName, args.Context.Parser?.RawRow ?? 0, "?",
                $"malformed field {args.Field}; quote fields that contain commas and double any quote inside them"),
        };
        return new CsvParser(reader, configuration, leaveOpen: true);
    }

    /// <summary>A line with nothing on it (a trailing newline, a blank separator line) is skipped, not an error.</summary>
    public static bool IsBlank(CsvParser parser) => parser.Count == 1 && string.IsNullOrWhiteSpace(parser[0]);
}
