using System.Globalization;
using CsvHelper;
using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Data.Csv;

/// <summary>
/// Reads the World Bank's bulk download (<c>API_*.csv</c>): a preamble ("Data Source", "Last Updated Date"),
/// then <c>Country Name,Country Code,Indicator Name,Indicator Code,1960,1961,...</c>, empty cells for missing years
/// and a trailing comma on every line.
/// </summary>
public static class WorldBankWideCsvReader
{
    private const int FirstYearColumn = 4;
    private const int PreambleLimit = 10;

    public static ParsedImport Read(TextReader reader, ImportOptions options)
    {
        using CsvParser parser = CsvParsers.Open(reader, options.FileName);
        int[] years = ReadHeader(parser, options.FileName);
        string source = options.DefaultSource.Length > 0 ? options.DefaultSource : "World Bank, World Development Indicators (bulk download)";

        var rows = new List<ObservationRow>();
        var economies = new Dictionary<string, string>(StringComparer.Ordinal);
        var indicators = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        long read = 0;
        while (parser.Read())
        {
            int line = parser.RawRow;
            if (CsvParsers.IsBlank(parser))
            {
                continue;
            }
            if (parser.Count < FirstYearColumn)
            {
                throw CsvFormatException.At(options.FileName, line, "*", $"{parser.Count} fields; a World Bank row starts with Country Name,Country Code,Indicator Name,Indicator Code");
            }
            string economy = FieldParsing.Economy(parser[1], options.FileName, line, "Country Code", economies);
            string indicator = FieldParsing.Indicator(parser[3], options.FileName, line, "Indicator Code", indicators);
            names.TryAdd(indicator, parser[2].Trim());
            firstLine.TryAdd(economy, line);
            for (int i = 0; i < years.Length && FirstYearColumn + i < parser.Count; i++)
            {
                string cell = parser[FirstYearColumn + i];
                if (years[i] == 0 || FieldParsing.IsMissing(cell))
                {
                    continue;
                }
                if (++read > options.MaxRows)
                {
                    throw new ResourceLimitException($"{options.FileName} has more than {options.MaxRows} values; split the file or raise the server's import row limit (TradeGrid:Import:MaxRows)");
                }
                double value = FieldParsing.Value(cell, options.FileName, line, years[i].ToString(CultureInfo.InvariantCulture));
                rows.Add(new ObservationRow(economy, indicator, string.Empty, years[i], value, options.DefaultProvenance, source, line));
            }
        }
        return new ParsedImport { Rows = rows, RowsRead = read, FirstLineOfEconomy = firstLine, IndicatorNames = names };
    }

    /// <summary>Skips the preamble; returns the year of each column from the fifth on (0 for a trailing empty column).</summary>
    private static int[] ReadHeader(CsvParser parser, string file)
    {
        for (int seen = 0; seen < PreambleLimit && parser.Read(); seen++)
        {
            string first = parser[0].Trim().TrimStart('\uFEFF');
            if (!first.Equals("Country Name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            int line = parser.RawRow;
            string[] expected = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"];
            for (int i = 1; i < expected.Length; i++)
            {
                if (parser.Count <= i || !parser[i].Trim().Equals(expected[i], StringComparison.OrdinalIgnoreCase))
                {
                    throw CsvFormatException.At(file, line, parser.Count > i ? parser[i] : "(missing)", $"unknown header; column {i + 1} must be '{expected[i]}'");
                }
            }
            var years = new int[parser.Count - FirstYearColumn];
            for (int i = 0; i < years.Length; i++)
            {
                string text = parser[FirstYearColumn + i].Trim();
                years[i] = text.Length == 0 && i == years.Length - 1 ? 0 : FieldParsing.Year(text, file, line, text);
            }
            return years;
        }
        throw new CsvFormatException($"{file}: no 'Country Name,Country Code,Indicator Name,Indicator Code,...' header in the first {PreambleLimit} lines; is this a World Bank bulk CSV?");
    }
}
