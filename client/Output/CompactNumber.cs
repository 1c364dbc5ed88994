using System.Globalization;

namespace TradeGrid.Cli.Output;

/// <summary>Four significant digits with a k/M/G/T suffix, so that wide tables fit 80 columns (CSV and JSON keep every digit).</summary>
internal static class CompactNumber
{
    private static readonly string[] Suffixes = ["", "k", "M", "G", "T"];

    public static string Format(double value)
    {
        int power = 0;
        while (Math.Abs(value) >= 1e4 && power < Suffixes.Length - 1)
        {
            value /= 1e3;
            power++;
        }

        return value.ToString("G4", CultureInfo.InvariantCulture) + Suffixes[power];
    }
}
