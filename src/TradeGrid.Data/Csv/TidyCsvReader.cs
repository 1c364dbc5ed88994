using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Data.Csv;

/// <summary>
/// Reads tidy CSV: <c>economy,indicator,year,value[,partner][,flag][,source]</c>, columns named by the header in any order.
/// An empty or NA value is a missing value: the row is counted as read and writes nothing. When the same key
/// appears twice, the later row wins.
/// </summary>
public static class TidyCsvReader
{
    public static readonly string[] RequiredColumns = ["economy", "indicator", "year", "value"];
    public static readonly string[] OptionalColumns = ["partner", "flag", "source"];

    public static ParsedImport Read(TextReader reader, ImportOptions options)
    {
        var records = new CsvRecordReader(reader, options.FileName);
        if (!records.Read())
        {
            throw new CsvFormatException($"{options.FileName}: the file is empty; expected a header row economy,indicator,year,value");
        }
        int[] map = MapHeader(records.Fields(), options.FileName);
        int economyAt = map[0], indicatorAt = map[1], yearAt = map[2], valueAt = map[3], partnerAt = map[4], flagAt = map[5], sourceAt = map[6];
        int width = records.Count;

        var rows = new ObservationRowList();
        var economies = new Dictionary<string, string>(StringComparer.Ordinal);
        var indicators = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        string lastSource = string.Empty;
        string? lastEconomy = null, lastIndicator = null;
        long read = 0;
        while (records.Read())
        {
            int line = records.Line;
            if (records.IsBlank)
            {
                continue;
            }
            if (records.Count != width)
            {
                throw CsvFormatException.At(options.FileName, line, "*", $"{records.Count} fields where the header has {width}; every row needs one field per header column");
            }
            if (++read > options.MaxRows)
            {
                throw new ResourceLimitException($"{options.FileName} has more than {options.MaxRows} data rows; split the file or raise the server's import row limit (TradeGrid:Import:MaxRows)");
            }
            // Rows come in runs of one economy and one indicator: a code equal to the last row's is valid and pooled already.
            ReadOnlySpan<char> economyText = records[economyAt], indicatorText = records[indicatorAt];
            string economy = lastEconomy is not null && economyText.SequenceEqual(lastEconomy)
                ? lastEconomy
                : FieldParsing.Economy(economyText, options.FileName, line, "economy", economies);
            string indicator = lastIndicator is not null && indicatorText.SequenceEqual(lastIndicator)
                ? lastIndicator
                : FieldParsing.Indicator(indicatorText, options.FileName, line, "indicator", indicators);
            lastIndicator = indicator;
            int year = FieldParsing.Year(records[yearAt], options.FileName, line, "year");
            string partner = partnerAt < 0 || records[partnerAt].IsWhiteSpace()
                ? string.Empty
                : FieldParsing.Economy(records[partnerAt], options.FileName, line, "partner", economies);
            Provenance provenance = options.DefaultProvenance;
            if (flagAt >= 0 && !records[flagAt].IsWhiteSpace() && !ProvenanceNames.TryParse(records[flagAt], out provenance))
            {
                throw CsvFormatException.At(options.FileName, line, "flag", $"'{records[flagAt]}' is not a provenance; use one of {ProvenanceNames.Accepted}");
            }
            string source = options.DefaultSource;
            if (sourceAt >= 0 && !records[sourceAt].IsWhiteSpace())
            {
                ReadOnlySpan<char> text = records[sourceAt];
                // Files repeat one source over many rows: compare with the last before hashing the text.
                if (text.SequenceEqual(lastSource))
                {
                    source = lastSource;
                }
                else if (!sources.TryGetValue(text, out string? pooled))
                {
                    pooled = text.ToString();
                    sources.Dictionary[pooled] = pooled;
                    source = lastSource = pooled;
                }
                else
                {
                    source = lastSource = pooled;
                }
            }
            if (!ReferenceEquals(economy, lastEconomy))
            {
                firstLine.TryAdd(economy, line);
                lastEconomy = economy;
            }
            if (partner.Length > 0)
            {
                firstLine.TryAdd(partner, line);
            }
            ReadOnlySpan<char> valueText = records[valueAt];
            if (FieldParsing.IsMissing(valueText))
            {
                continue;
            }
            double value = FieldParsing.Value(valueText, options.FileName, line, "value");
            rows.Add(new ObservationRow(economy, indicator, partner, year, value, provenance, source, line));
        }
        return new ParsedImport
        {
            Rows = rows,
            RowsRead = read,
            FirstLineOfEconomy = firstLine,
            IndicatorNames = indicators.Values.Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => string.Empty, StringComparer.Ordinal),
        };
    }

    /// <summary>Positions of economy, indicator, year, value, partner, flag, source (−1 when an optional one is absent).</summary>
    private static int[] MapHeader(string[] header, string file)
    {
        int[] map = [-1, -1, -1, -1, -1, -1, -1];
        string[] all = [.. RequiredColumns, .. OptionalColumns];
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            int slot = Array.IndexOf(all, name);
            if (slot < 0)
            {
                throw CsvFormatException.At(file, 1, header[i], $"unknown header; a tidy file has columns {string.Join(",", RequiredColumns)} and optionally {string.Join(",", OptionalColumns)}");
            }
            if (map[slot] >= 0)
            {
                throw CsvFormatException.At(file, 1, header[i], "the column appears twice in the header");
            }
            map[slot] = i;
        }
        for (int slot = 0; slot < RequiredColumns.Length; slot++)
        {
            if (map[slot] < 0)
            {
                throw CsvFormatException.At(file, 1, RequiredColumns[slot], $"missing from the header; a tidy file needs {string.Join(",", RequiredColumns)}");
            }
        }
        return map;
    }
}
