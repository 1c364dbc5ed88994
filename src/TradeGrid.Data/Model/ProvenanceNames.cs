namespace TradeGrid.Data.Model;

/// <summary>The lower-case words used for provenance in CSV files (<c>flag</c> column).</summary>
public static class ProvenanceNames
{
    public const string Accepted = "reported, published, interpolated, estimated, forecast, derived";

    public static bool TryParse(ReadOnlySpan<char> text, out Provenance provenance)
    {
        provenance = text.Trim().ToString().ToLowerInvariant() switch
        {
            "reported" => Provenance.Reported,
            "published" => Provenance.Published,
            "interpolated" => Provenance.Interpolated,
            "estimated" => Provenance.Estimated,
            "forecast" => Provenance.Forecast,
            "derived" => Provenance.Derived,
            _ => Provenance.Unspecified,
        };
        return provenance != Provenance.Unspecified;
    }

    public static string Name(Provenance provenance) => provenance switch
    {
        Provenance.Reported => "reported",
        Provenance.Published => "published",
        Provenance.Interpolated => "interpolated",
        Provenance.Estimated => "estimated",
        Provenance.Forecast => "forecast",
        Provenance.Derived => "derived",
        _ => "unspecified",
    };
}
