using System.Runtime.CompilerServices;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// A design's partner-side regressors evaluated once per partner and year, for every economy that builds its rows
/// from the same gathered partners' series. The coordinator sends every economy of a fit the same immutable request,
/// so in a silo all of them read one object: the table is made by the first economy that needs it and read by the
/// others (the partners' series are keyed, searched and evaluated once per silo and request, not once per economy
/// and row). An economy that receives its own copy (from another silo) makes its own table.
/// </summary>
internal sealed class PartnerValues
{
    private static readonly ConditionalWeakTable<IReadOnlyList<PartnerSeries>, PartnerValues> Tables = new();

    private readonly DesignSpec _spec;

    /// <summary>[regressor][partner's index in the spec's partners]: the values of a partner-side regressor; null for other regressors.</summary>
    private readonly YearValues?[]?[] _values;

    private PartnerValues(DesignSpec spec, IReadOnlyList<PartnerSeries> partners)
    {
        _spec = spec;
        var series = new Dictionary<string, SeriesRecord>(StringComparer.Ordinal);
        foreach (PartnerSeries p in partners)
        {
            series[SeriesRecord.Key(p.Series.Indicator, p.Economy)] = p.Series;
        }

        _values = spec.Regressors
            .Select(r => r.Side == SideKind.Partner
                ? spec.Partners.Select(partner => new YearValues(SeriesSums.Find(series, r.Indicator, partner), r)).ToArray()
                : null)
            .ToArray();
    }

    /// <summary>The table of <paramref name="spec"/>'s partner-side regressors over <paramref name="partners"/>.</summary>
    public static PartnerValues For(DesignSpec spec, IReadOnlyList<PartnerSeries> partners)
    {
        if (partners.Count == 0)
        {
            return new PartnerValues(spec, partners); // an empty list may be a shared instance: nothing to share
        }

        PartnerValues table = Tables.GetValue(partners, p => new PartnerValues(spec, p));
        // One gather serves one spec; a table made for another spec object is not used (made anew, not kept).
        return ReferenceEquals(table._spec, spec) ? table : new PartnerValues(spec, partners);
    }

    /// <summary>Regressor <paramref name="regressor"/>'s values for the partner at <paramref name="partner"/> in the spec's partners; null when it is not partner-side.</summary>
    public YearValues? Of(int regressor, int partner) => _values[regressor]?[partner];
}
