using System.Globalization;
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
        // The same tokenizer as tidy files: one set of quoting rules and one set of line and field limits.
        var records = new CsvRecordReader(reader, options);
        int[] years = ReadHeader(records, options.FileName);
        string source = options.DefaultSource.Length > 0 ? options.DefaultSource : "World Bank, World Development Indicators (bulk download)";

        var rows = new List<ObservationRow>();
        var economies = new Dictionary<string, string>(StringComparer.Ordinal);
        var indicators = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        long read = 0;
        while (records.Read())
        {
            int line = records.Line;
            if (records.IsBlank)
            {
                continue;
            }
            if (records.Count < FirstYearColumn)
            {
                throw CsvFormatException.At(options.FileName, line, "*", $"{records.Count} fields; a World Bank row starts with Country Name,Country Code,Indicator Name,Indicator Code");
            }
            string economy = FieldParsing.Economy(records[1], options.FileName, line, "Country Code", economies);
            string indicator = FieldParsing.Indicator(records[3], options.FileName, line, "Indicator Code", indicators);
            if (!names.ContainsKey(indicator))
            {
                names[indicator] = records[2].Trim().ToString();
            }
            firstLine.TryAdd(economy, line);
            for (int i = 0; i < years.Length && FirstYearColumn + i < records.Count; i++)
            {
                ReadOnlySpan<char> cell = records[FirstYearColumn + i];
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
    private static int[] ReadHeader(CsvRecordReader records, string file)
    {
        for (int seen = 0; seen < PreambleLimit && records.Read(); seen++)
        {
            if (!records[0].Trim().TrimStart('\uFEFF').Equals("Country Name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            int line = records.Line;
            string[] expected = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"];
            for (int i = 1; i < expected.Length; i++)
            {
                if (records.Count <= i || !records[i].Trim().Equals(expected[i], StringComparison.OrdinalIgnoreCase))
                {
                    throw CsvFormatException.At(file, line, records.Count > i ? records[i].ToString() : "(missing)", $"unknown header; column {i + 1} must be '{expected[i]}'");
                }
            }
            var years = new int[records.Count - FirstYearColumn];
            for (int i = 0; i < years.Length; i++)
            {
                ReadOnlySpan<char> text = records[FirstYearColumn + i].Trim();
                years[i] = text.Length == 0 && i == years.Length - 1 ? 0 : FieldParsing.Year(text, file, line, text.ToString());
            }
            return years;
        }
        throw new CsvFormatException($"{file}: no 'Country Name,Country Code,Indicator Name,Indicator Code,...' header in the first {PreambleLimit} lines; is this a World Bank bulk CSV?");
    }
}
