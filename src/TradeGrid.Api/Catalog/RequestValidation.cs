using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Api.Catalog;

/// <summary>Checks request fields and says, naming the field, what to send instead.</summary>
public static class RequestValidation
{
    public static string Economy(string value, string field)
    {
        string code = EconomyCode.Normalize(value ?? string.Empty);
        if (code.Length == 0)
        {
            throw new InvalidSpecException($"{field}: an economy code is required, e.g. CHN");
        }
        if (!EconomyCode.IsValid(code))
        {
            throw new InvalidSpecException($"{field}: '{value}' is not an economy code; use {EconomyCode.Rule}");
        }
        return code;
    }

    public static string OptionalEconomy(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : Economy(value, field);

    public static string Indicator(string value, string field)
    {
        string code = (value ?? string.Empty).Trim();
        if (code.Length == 0)
        {
            throw new InvalidSpecException($"{field}: an indicator code is required, e.g. rgdpna; see ListIndicators");
        }
        if (!IndicatorCode.IsValid(code))
        {
            throw new InvalidSpecException($"{field}: '{value}' is not an indicator code; use {IndicatorCode.Rule}");
        }
        return code;
    }

    /// <summary>A [from, to] range where 0 leaves a side open; both must be valid years and from ≤ to.</summary>
    public static (int From, int To) YearRange(int from, int to, string fromField = "from", string toField = "to")
    {
        if (from != 0 && !Years.IsValid(from))
        {
            throw new InvalidSpecException($"{fromField}: {from} is outside {Years.Min}–{Years.Max}; give a year in that range or 0 for the first available");
        }
        if (to != 0 && !Years.IsValid(to))
        {
            throw new InvalidSpecException($"{toField}: {to} is outside {Years.Min}–{Years.Max}; give a year in that range or 0 for the last available");
        }
        if (from != 0 && to != 0 && from > to)
        {
            throw new InvalidSpecException($"{fromField}: {from} is after {toField} {to}; swap them");
        }
        return (from, to);
    }

    /// <summary>An interval or confidence level: 0 means 0.95; anything outside (0, 1) is refused.</summary>
    public static double Level(double level, string field)
    {
        double resolved = level == 0.0 ? 0.95 : level;
        return resolved > 0.0 && resolved < 1.0
            ? resolved
            : throw new InvalidSpecException($"{field}: {level} must lie strictly between 0 and 1, e.g. 0.95 (0 means 0.95)");
    }

    /// <summary>A fit id: 16 lower-case hex digits, as Fit returns (upper case is accepted and lowered).</summary>
    public static string FitId(string value, string field = "fit_id")
    {
        string id = (value ?? string.Empty).Trim().ToLowerInvariant();
        return id.Length == 16 && id.All(char.IsAsciiHexDigitLower)
            ? id
            : throw new InvalidSpecException($"{field}: '{value}' is not a fit id (16 hex digits, as Fit returns)");
    }
}
