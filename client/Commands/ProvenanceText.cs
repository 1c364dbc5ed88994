using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands;

/// <summary>Provenance as the lower-case word CSV files use.</summary>
internal static class ProvenanceText
{
    public static string Of(Provenance provenance) => provenance switch
    {
        Provenance.Reported => "reported",
        Provenance.Published => "published",
        Provenance.Interpolated => "interpolated",
        Provenance.Estimated => "estimated",
        Provenance.Forecast => "forecast",
        Provenance.Derived => "derived",
        _ => "",
    };
}
