using TradeGrid.Api.Catalog;
using TradeGrid.Domain;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// What to import when a code of the rcep-digital-services preset is not in the catalogue: the preset's defaults come
/// from public extracts (OECD-WTO BaTIS, WDI, Chinn-Ito, WGI) that the default dataset does not hold, so a new user's
/// first fit names the series and its source instead of a bare "unknown indicator".
/// </summary>
internal static class RcepSeriesHints
{
    /// <summary>Every code of <paramref name="indicator"/> (a code, or codes joined by '+') is in the catalogue, else NotFound with a hint.</summary>
    public static void Require(CatalogView view, string field, string indicator)
    {
        if (view.Indicators.ContainsKey(indicator))
        {
            return;
        }

        string[] codes = indicator.Split('+');
        string[] missing = codes.Where(c => !view.Indicators.ContainsKey(c.Trim())).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        string which = codes.Length == 1 ? $"{InputQuote.Quote(indicator)} is"
            : $"{string.Join(", ", missing.Select(InputQuote.Quote))} of the sum {InputQuote.Quote(indicator)} {(missing.Length == 1 ? "is" : "are")}";
        throw new UnknownIndicatorException(
            $"{field}: {which} not in the catalogue (see ListIndicators); {Source(missing[0])}, or set {field} to a code you have imported.");
    }

    private static string Source(string code) => code switch
    {
        _ when code.StartsWith("BATIS_", StringComparison.Ordinal) =>
            "import the reporter's services trade by partner from OECD-WTO BaTIS (a tidy CSV economy,partner,indicator,year,value "
            + "with BATIS_X_<EBOPS item> exports, e.g. batis_chn_services_bilateral.csv.gz) with `import FILE --create-economies`",
        "KAOPEN" or "KA_OPEN" => "import the Chinn-Ito capital-account openness index (tidy CSV economy,indicator,year,value, e.g. chinn_ito_kaopen.csv)",
        _ when code.EndsWith(".EST", StringComparison.Ordinal) || code.EndsWith(".PER.RNK", StringComparison.Ordinal) =>
            "import the Worldwide Governance Indicators (tidy CSV economy,indicator,year,value, e.g. wgi_governance.csv.gz)",
        _ when code.Length > 3 && code.Contains('.', StringComparison.Ordinal) =>
            $"import the World Bank WDI series {code} (a tidy CSV economy,indicator,year,value such as wdi_indicators.csv.gz, "
            + "or the World Bank's wide bulk CSV of the indicator)",
        _ => $"import a tidy CSV economy,indicator,year,value[,partner] that holds {code}",
    };
}
