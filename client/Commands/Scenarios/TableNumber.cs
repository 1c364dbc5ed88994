using System.Globalization;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>
/// Numbers for an 80-column table, never longer than 8 characters with the sign: four significant digits and one
/// k/M/G/T suffix from 1 up to 999.9T ("999.9", "-1.234k", "3.812T"), three significant digits below 1
/// ("0.00123"), and scientific notation below 0.001 or from 1000T ("1.23E-5", "-4.4E+31"), with fewer digits as the
/// exponent grows. NaN prints as "NaN". CSV and JSON keep every digit.
/// </summary>
internal static class TableNumber
{
    public const int MaxLength = 8;

    private static readonly string[] Suffixes = ["", "k", "M", "G", "T"];

    public static string Format(double value, bool signed = false) => Format(value, signed, MaxLength);

    /// <summary>A percent difference with its sign: two decimals below 1000%, then as <see cref="Format(double, bool)"/>; at most 8 characters with the "%".</summary>
    public static string Percent(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 999.995
            ? value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%"
            : Format(value, signed: true, MaxLength - 1) + "%";

    private static string Format(double value, bool signed, int budget)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? (signed ? "+∞" : "∞") : "-∞";
        }

        string sign = value < 0 ? "-" : signed && value > 0 ? "+" : string.Empty;
        double a = Math.Abs(value);
        if (a == 0)
        {
            return "0";
        }
        if (a < 0.001)
        {
            return Scientific(sign, a, budget);
        }
        if (a < 1)
        {
            return sign + a.ToString("G3", CultureInfo.InvariantCulture);
        }

        int power = 0;
        // 999.95 rounds to 1000 at four digits: take the next suffix from there ("3.812T", not "3812G"), and never
        // let G4 round up into scientific notation.
        while (a >= 999.95 && power < Suffixes.Length - 1)
        {
            a /= 1e3;
            power++;
        }
        if (a >= 999.95)
        {
            return Scientific(sign, Math.Abs(value), budget);
        }
        string text = sign + a.ToString("G4", CultureInfo.InvariantCulture) + Suffixes[power];
        return text.Length <= budget ? text : sign + a.ToString("G3", CultureInfo.InvariantCulture) + Suffixes[power];
    }

    // Fewer digits as the exponent grows: "+1.37E-12" (9 characters) becomes "+1.4E-12", "-2.21E+257" becomes "-2E+257".
    private static string Scientific(string sign, double a, int budget)
    {
        string text = string.Empty;
        foreach (string pattern in new[] { "0.##E+0", "0.#E+0", "0E+0" })
        {
            text = sign + a.ToString(pattern, CultureInfo.InvariantCulture);
            if (text.Length <= budget)
            {
                break;
            }
        }
        return text;
    }
}
