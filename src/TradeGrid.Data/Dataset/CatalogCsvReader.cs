using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Data.Dataset;

/// <summary>
/// Reads the catalogue files that ship with a dataset: <c>economies.csv</c> (code,name,region,income_group,is_aggregate,iso2),
/// <c>indicators.csv</c> (code,name,unit,source,description) and <c>groups.csv</c> (group,member,from_year,to_year).
/// </summary>
public static class CatalogCsvReader
{
    public static IReadOnlyList<EconomyInfo> ReadEconomies(TextReader reader, string file) =>
        ReadRows(reader, file, ["code", "name"], (get, line) =>
        {
            string code = get("code");
            if (!EconomyCode.IsValid(code))
            {
                throw CsvFormatException.At(file, line, "code", $"{InputQuote.Quote(code)} is not an economy code; use {EconomyCode.Rule}");
            }
            string aggregate = get("is_aggregate").ToLowerInvariant();
            return new EconomyInfo(code, get("name"), get("region"), get("income_group"), aggregate is "true" or "1" or "yes", get("iso2"));
        });

    public static IReadOnlyList<IndicatorInfo> ReadIndicators(TextReader reader, string file) =>
        ReadRows(reader, file, ["code"], (get, line) =>
        {
            string code = get("code");
            if (!IndicatorCode.IsValid(code))
            {
                throw CsvFormatException.At(file, line, "code", $"{InputQuote.Quote(code)} is not an indicator code; use {IndicatorCode.Rule}");
            }
            return new IndicatorInfo(code, get("name"), get("unit"), get("source"), get("description"));
        });

    public static IReadOnlyList<GroupMembership> ReadGroups(TextReader reader, string file) =>
        ReadRows(reader, file, ["group", "member"], (get, line) =>
        {
            string group = get("group");
            string member = get("member");
            foreach ((string column, string code) in new[] { ("group", group), ("member", member) })
            {
                if (!EconomyCode.IsValid(code))
                {
                    throw CsvFormatException.At(file, line, column, $"{InputQuote.Quote(code)} is not an economy code; use {EconomyCode.Rule}");
                }
            }
            int from = get("from_year").Length == 0 ? 0 : FieldParsing.Year(get("from_year"), file, line, "from_year");
            int to = get("to_year").Length == 0 ? 0 : FieldParsing.Year(get("to_year"), file, line, "to_year");
            return new GroupMembership(group, member, from, to);
        });

    private static List<T> ReadRows<T>(TextReader reader, string file, string[] required, Func<Func<string, string>, int, T> build)
    {
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture), leaveOpen: true);
        if (!parser.Read())
        {
            throw new CsvFormatException($"{file}: the file is empty; expected a header row");
        }
        string[] header = (parser.Record ?? []).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        foreach (string column in required)
        {
            if (Array.IndexOf(header, column) < 0)
            {
                throw CsvFormatException.At(file, 1, column, $"missing from the header ({string.Join(",", header)})");
            }
        }
        var result = new List<T>();
        while (parser.Read())
        {
            string[] record = parser.Record ?? [];
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }
            int line = parser.RawRow;
            string Get(string column)
            {
                int at = Array.IndexOf(header, column);
                return at >= 0 && at < record.Length ? record[at].Trim() : string.Empty;
            }
            result.Add(build(Get, line));
        }
        return result;
    }
}
