using System.Globalization;

namespace TradeGrid.Cli.Plots;

/// <summary>
/// Tick labels with one k/M/G/T suffix for the whole axis, chosen from the largest value shown, so that 9M is not
/// labelled 9000k beside 10M (the per-number <see cref="Output.CompactNumber"/> would do that).
/// </summary>
internal static class AxisNumber
{
    private static readonly string[] Suffixes = ["", "k", "M", "G", "T"];

    public static Func<double, string> Formatter(double largest)
    {
        int power = 0;
        double divisor = 1;
        while (Math.Abs(largest) / divisor >= 1e4 && power < Suffixes.Length - 1)
        {
            divisor *= 1e3;
            power++;
        }

        string suffix = Suffixes[power];
        return value => (value / divisor).ToString("0.###", CultureInfo.InvariantCulture) + suffix;
    }
}
