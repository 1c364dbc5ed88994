using System.Globalization;

namespace TradeGrid.Cli.Plots;

/// <summary>
/// Tick labels with one k/M/G/T suffix for the whole axis, chosen from the largest value shown, so that 9M is not
/// labelled 9000k beside 10M (the per-number <see cref="Output.CompactNumber"/> would do that). Beyond 1000T, and for
/// an axis whose largest value is below 0.001, the labels are in scientific notation.
/// </summary>
internal static class AxisNumber
{
    private static readonly string[] Suffixes = ["", "k", "M", "G", "T"];

    public static Func<double, string> Formatter(double largest)
    {
        double top = Math.Abs(largest);
        if (top >= 1e15 || (top > 0 && top < 1e-3))
        {
            return value => value == 0 ? "0" : value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        }

        int power = 0;
        double divisor = 1;
        while (top / divisor >= 1e4 && power < Suffixes.Length - 1)
        {
            divisor *= 1e3;
            power++;
        }

        string suffix = Suffixes[power];
        return value => (value / divisor).ToString("0.###", CultureInfo.InvariantCulture) + suffix;
    }
}
