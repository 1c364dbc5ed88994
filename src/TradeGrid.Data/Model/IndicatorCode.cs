namespace TradeGrid.Data.Model;

/// <summary>
/// Indicator codes keep their source's spelling (PWT's <c>rgdpna</c>, the World Bank's <c>NY.GDP.MKTP.CD</c>):
/// 1–64 printable characters without spaces or commas; case-sensitive.
/// </summary>
public static class IndicatorCode
{
    public const int MaxLength = 64;
    public const string Rule = "1–64 printable characters without spaces or commas, e.g. rgdpna or NY.GDP.MKTP.CD";

    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length == 0 || code.Length > MaxLength)
        {
            return false;
        }
        foreach (char c in code)
        {
            if (c <= ' ' || c == ',' || c == '"' || c == 127)
            {
                return false;
            }
        }
        return true;
    }
}
