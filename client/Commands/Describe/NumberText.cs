using System.Globalization;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

/// <summary>
/// Numbers for the describe commands: a table shows 6 significant digits (large values as whole numbers with
/// thousands separators) so that it fits a terminal; CSV keeps every digit (round-trip), as JSON does.
/// </summary>
internal sealed class NumberText(OutputFormat format)
{
    public string Of(double value) => format != OutputFormat.Table
        ? ResultWriter.Number(value)
        : Math.Abs(value) >= 1e5 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>An optional number: empty when absent.</summary>
    public string Of(bool has, double value) => has ? Of(value) : string.Empty;

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
