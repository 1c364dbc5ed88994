using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>What a fit's coordinator reads before it fits: the economies it depends on, their data versions, the partner series.</summary>
internal static class FitInputs
{
    /// <summary>The reporters and the partners whose series are read, in a fixed order.</summary>
    public static string[] Economies(DesignSpec spec) =>
        spec.Economies.Union(spec.PartnerSources(), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Current data versions of <paramref name="economies"/>, and whether any holds rows of an undecided write.</summary>
    public static async Task<(EconomyVersion[] Versions, bool Pending)> VersionsAsync(IGrainFactory grains, string[] economies, CancellationToken cancellationToken)
    {
        VersionReading[] readings = await Task.WhenAll(economies.Select(e => grains.Economy(e).ReadVersion(cancellationToken).AsTask()));
        return (economies.Select((e, i) => new EconomyVersion(e, readings[i].Version)).ToArray(), readings.Any(r => r.WritePending));
    }

    /// <summary>The partner-side series the spec reads, gathered once from the partners for every reporter.</summary>
    public static async Task<PartnerSeries[]> PartnersAsync(IGrainFactory grains, DesignSpec spec, string[] partners, CancellationToken cancellationToken)
    {
        if (partners.Length == 0)
        {
            return [];
        }

        string[] indicators = spec.Regressors.Where(r => r.Side == SideKind.Partner).SelectMany(r => SeriesSums.Parts(r.Indicator)).Distinct(StringComparer.Ordinal).ToArray();
        SeriesRecord[][] series = await Task.WhenAll(partners.Select(p =>
            grains.Economy(p).GetSeriesMany(indicators, string.Empty, 0, 0, cancellationToken).AsTask()));
        return partners.SelectMany((p, i) => series[i].Select(s => new PartnerSeries(p, s))).ToArray();
    }

    /// <summary>Why rows were dropped, for the message of an empty sample.</summary>
    public static string Drops(BlockInfo[] infos)
    {
        DropNote[] drops = infos.SelectMany(i => i.Drops).ToArray();
        return drops.Length == 0 ? " (none of them has the dependent in the sample years)"
            : $" ({string.Join("; ", drops.GroupBy(d => d.Reason).Select(g => $"{g.Sum(d => d.Rows)} rows: {g.Key}, e.g. {g.First().Example}"))})";
    }
}
