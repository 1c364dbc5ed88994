using System.Globalization;
using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Data.Csv;

/// <summary>Parses and validates the fields shared by both import formats, naming line and column on failure.</summary>
internal static class FieldParsing
{
    public static bool IsMissing(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> t = text.Trim();
        return t.Length == 0 || t.SequenceEqual("NA") || t.SequenceEqual("..") || t.SequenceEqual("null");
    }

    /// <summary>The code, trimmed and validated once per distinct spelling: the pool maps each spelling seen to its code.</summary>
    public static string Economy(ReadOnlySpan<char> text, string file, int line, string column, Dictionary<string, string> pool)
    {
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out string? known))
        {
            return known;
        }
        ReadOnlySpan<char> code = text.Trim();
        if (!EconomyCode.IsValid(code))
        {
            throw CsvFormatException.At(file, line, column, $"{InputQuote.Quote(text)} is not an economy code; use {EconomyCode.Rule}");
        }
        string pooled = code.ToString();
        lookup[text] = pooled;
        return pooled;
    }

    /// <summary>The code, trimmed and validated once per distinct spelling: the pool maps each spelling seen to its code.</summary>
    public static string Indicator(ReadOnlySpan<char> text, string file, int line, string column, Dictionary<string, string> pool)
    {
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out string? known))
        {
            return known;
        }
        ReadOnlySpan<char> code = text.Trim();
        if (!IndicatorCode.IsValid(code))
        {
            throw CsvFormatException.At(file, line, column, $"{InputQuote.Quote(text)} is not an indicator code; use {IndicatorCode.Rule}");
        }
        string pooled = code.ToString();
        lookup[text] = pooled;
        return pooled;
    }

    public static int Year(ReadOnlySpan<char> text, string file, int line, string column)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int year) || !Years.IsValid(year))
        {
            throw CsvFormatException.At(file, line, column, $"{InputQuote.Quote(text)} is not a year; give an integer between {Years.Min} and {Years.Max}");
        }
        return year;
    }

    public static double Value(ReadOnlySpan<char> text, string file, int line, string column)
    {
        if (DecimalFastPath.TryParse(text, out double plain))
        {
            return plain;
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw CsvFormatException.At(file, line, column, $"{InputQuote.Quote(text)} is not a number; use a decimal point and no thousands separators (leave the cell empty or NA when missing)");
        }
        if (!double.IsFinite(value))
        {
            throw CsvFormatException.At(file, line, column, $"{InputQuote.Quote(text)} is not a finite number; NaN and infinities are refused (leave the cell empty or NA when missing)");
        }
        return value;
    }
}
