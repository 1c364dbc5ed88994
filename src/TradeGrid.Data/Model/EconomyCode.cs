namespace TradeGrid.Data.Model;

/// <summary>
/// Economy codes are keys, not an enum: ISO 3166 alpha-3 for countries, or a named aggregate
/// (WLD, EU27, RCEP, ...). Any 2–12 characters of A–Z, 0–9 and '_'.
/// </summary>
public static class EconomyCode
{
    public const int MinLength = 2;
    public const int MaxLength = 12;
    public const string Rule = "2–12 characters of A–Z, 0–9 or '_' (ISO 3166 alpha-3 such as CHN, or an aggregate such as RCEP)";

    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length < MinLength || code.Length > MaxLength)
        {
            return false;
        }
        foreach (char c in code)
        {
            if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Upper-cases and trims a user's code; the result still has to pass <see cref="IsValid"/>.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
