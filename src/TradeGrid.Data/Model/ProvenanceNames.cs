namespace TradeGrid.Data.Model;

/// <summary>The lower-case words used for provenance in CSV files (<c>flag</c> column).</summary>
public static class ProvenanceNames
{
    public const string Accepted = "reported, published, interpolated, estimated, forecast, derived";

    public static bool TryParse(ReadOnlySpan<char> text, out Provenance provenance)
    {
        ReadOnlySpan<char> t = text.Trim();
        provenance = Provenance.Unspecified;
        for (var p = Provenance.Reported; p <= Provenance.Derived; p++)
        {
            if (t.Equals(Name(p), StringComparison.OrdinalIgnoreCase))
            {
                provenance = p;
                break;
            }
        }
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
