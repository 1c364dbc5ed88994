using TradeGrid.Domain;

namespace TradeGrid.Data.Csv;

/// <summary>A file that cannot be read as asked: names the line and column and says what to fix.</summary>
public sealed class CsvFormatException(string message) : TradeGridException(message)
{
    public static CsvFormatException At(string file, int line, string column, string problem) =>
        new($"{file} line {line}, column '{column}': {problem}");
}
