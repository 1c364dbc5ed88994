using System.Globalization;

namespace TradeGrid.Cli.Commands.Etable;

/// <summary>Numbers with four significant digits in fixed notation (0.5572, −1.216, 2,408.3), scientific only outside 1e-4 … 1e9 (2.27e-75).</summary>
internal static class Significant
{
    public const int Digits = 4;

    public static string Format(double value)
    {
        if (value == 0.0)
        {
            return "0";
        }

        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        double magnitude = Math.Abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e9)
        {
            return value.ToString("0.###e+0", CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        int decimals = Math.Max(0, Digits - 1 - exponent);
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }
}
