namespace TradeGrid.Data.Csv;

/// <summary>
/// Parses the plain decimals that make up almost every data file (<c>-123.4567</c>: a sign, at most 15 digits, at
/// most one point, no exponent) without the general parser. Exact: the digits form an integer m &lt; 10^15 &lt; 2^53
/// and the scale is 10^k with k &lt;= 15, both exactly representable, so m / 10^k is one correctly rounded IEEE
/// division, the same double <see cref="double.Parse(string)"/> returns (Clinger's fast path). Anything else is
/// left to <see cref="double.TryParse(ReadOnlySpan{char}, System.Globalization.NumberStyles, IFormatProvider, out double)"/>.
/// </summary>
public static class DecimalFastPath
{
    private const int MaxDigits = 15;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>True and the value when <paramref name="text"/> is a plain decimal of at most 15 digits.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0, scale = -1;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c is >= '0' and <= '9')
            {
                if (++digits > MaxDigits)
                {
                    return false;
                }
                mantissa = mantissa * 10 + (c - '0');
                scale += scale >= 0 ? 1 : 0;
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }
        // "." alone, "-", "" and "5." with no digit after the sign are left to the general parser.
        if (digits == 0)
        {
            return false;
        }
        double magnitude = scale > 0 ? mantissa / PowersOfTen[scale] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
