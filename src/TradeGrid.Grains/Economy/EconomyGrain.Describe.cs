using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Describe;
using TradeGrid.Numerics.Describe;
using TradeGrid.Numerics.Fill;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// The describe and fill part of the economy grain: it aligns its own series on the years asked and hands the arrays to
/// the numerics (<see cref="Growth"/>, <see cref="GroupAggregation"/>, <see cref="SeriesPair"/>, <see cref="GapFill"/>);
/// only results and partials leave the grain.
/// </summary>
public sealed partial class EconomyGrain : IEconomyDescribeGrain
{
    public ValueTask<YearSpanRecord?> GetSpan(string indicator, CancellationToken cancellationToken)
    {
        RequireRegistered();
        SeriesRecord? series = Find(indicator);
        return ValueTask.FromResult(series is null ? null : new YearSpanRecord(series.Years[0], series.Years[^1]));
    }

    public ValueTask<SeriesGrowthRecord?> GetGrowth(string indicator, int from, int to, bool strict, CancellationToken cancellationToken)
    {
        RequireRegistered();
        SeriesRecord? series = Find(indicator)?.Slice(from, to);
        if (series is null || series.Years.Length == 0)
        {
            if (strict && from != 0 && to != 0)
            {
                throw new InsufficientDataException($"{Code} has no value of {indicator} in {from}–{to}; choose years with data or fill the series first.");
            }
            return ValueTask.FromResult<SeriesGrowthRecord?>(null);
        }

        PeriodGrowth? period = null;
        string note = string.Empty;
        if (from != 0 && to != 0)
        {
            try
            {
                period = Growth.Period(Code, series.Years, series.Values, from, to);
            }
            catch (TradeGridException ex) when (!strict && ex is InvalidSpecException or InsufficientDataException)
            {
                // A member of a group without a usable endpoint keeps its yearly growth; the note says why the period is absent.
                note = ex.Message;
            }
        }
        return ValueTask.FromResult<SeriesGrowthRecord?>(new SeriesGrowthRecord(
            series.Years,
            series.Values,
            Growth.YearOnYear(series.Years, series.Values),
            Growth.YearOnYearLog(series.Years, series.Values),
            period,
            note));
    }

    public ValueTask<GroupPartial> GetGroupPartial(GroupPartialSpec spec, CancellationToken cancellationToken)
    {
        RequireRegistered();
        double[]? weights = spec.WeightIndicator.Length > 0 ? ValuesAt(spec.WeightIndicator, spec.Years) : null;
        double[]? gdp = spec.GdpIndicator.Length > 0 ? ValuesAt(spec.GdpIndicator, spec.Years) : null;
        return ValueTask.FromResult(GroupAggregation.Partial(spec.Years, ValuesAt(spec.Indicator, spec.Years), weights, gdp, spec.InGroup));
    }

    public ValueTask<double[]> GetValuesAt(string indicator, int[] years, CancellationToken cancellationToken)
    {
        RequireRegistered();
        return ValueTask.FromResult(ValuesAt(indicator, years));
    }

    public ValueTask<PairRecord?> GetPair(PairSpec spec, CancellationToken cancellationToken)
    {
        RequireRegistered();
        SeriesRecord? first = Find(spec.First)?.Slice(spec.From, spec.To);
        SeriesRecord? second = Find(spec.Second)?.Slice(spec.From, spec.To);
        int[] years = (first?.Years ?? []).Union(second?.Years ?? []).Order().ToArray();
        if (years.Length == 0)
        {
            return ValueTask.FromResult<PairRecord?>(null);
        }
        double[] a = ValuesAt(spec.First, years);
        double[] b = ValuesAt(spec.Second, years);
        double[] result = spec.Kind switch
        {
            PairKind.Balance => SeriesPair.Balance(a, b),
            PairKind.RatioPercent => Share.Percent(a, b),
            _ => SeriesPair.Ratio(a, b),
        };
        return ValueTask.FromResult<PairRecord?>(new PairRecord(years, a, b, result));
    }

    public ValueTask<GrowthCheck[]> CheckPublishedGrowth(
        PublishedColumnSpec[] columns, int rateDecimals, int? levelDecimals, CancellationToken cancellationToken)
    {
        RequireRegistered();
        var checks = new List<GrowthCheck>();
        foreach (PublishedColumnSpec column in columns)
        {
            SeriesRecord levels = Require(column.LevelsIndicator);
            SeriesRecord stated = Require(column.StatedIndicator);
            if (column.FromYear == 0)
            {
                // The table's years are those of its levels; a rate whose previous year has no level is not checkable.
                double[] rates = SeriesPair.At(stated.Years, stated.Values, levels.Years);
                checks.AddRange(PublishedTableCheck.YearOnYear(column.Label, levels.Years, levels.Values, rates, rateDecimals, levelDecimals));
                continue;
            }
            double fromLevel = ValuesAt(column.LevelsIndicator, [column.FromYear])[0];
            double[] toLevels = SeriesPair.At(levels.Years, levels.Values, stated.Years);
            GrowthForm form = column.TotalChange ? GrowthForm.Total : GrowthForm.Compound;
            checks.AddRange(stated.Years
                .Select((year, i) => (Year: year, Stated: stated.Values[i], To: toLevels[i]))
                .Where(r => r.Year > column.FromYear && !double.IsNaN(r.To) && !double.IsNaN(fromLevel))
                .Select(r => PublishedTableCheck.Check(new StatedGrowth(
                    $"{column.Label} {column.FromYear}–{r.Year}", column.FromYear, fromLevel, r.Year, r.To, r.Stated, rateDecimals, levelDecimals, form))));
        }
        return ValueTask.FromResult(checks.ToArray());
    }

    public async ValueTask<FillRecord?> Fill(FillSpec spec, bool store, CancellationToken cancellationToken)
    {
        RequireRegistered();
        SeriesRecord? target = Find(spec.Indicator);
        SeriesRecord? proxy = spec.Proxy.Length > 0 ? Find(spec.Proxy) : null;
        if (target is null)
        {
            return null;
        }
        int from = spec.From != 0 ? spec.From : Math.Min(target.Years[0], proxy?.Years[0] ?? int.MaxValue);
        int to = spec.To != 0 ? spec.To : Math.Max(target.Years[^1], proxy?.Years[^1] ?? int.MinValue);
        int[] years = Enumerable.Range(from, Math.Max(0, to - from + 1)).ToArray();
        double[] values = ValuesAt(spec.Indicator, years);
        if (values.All(double.IsNaN))
        {
            return null;
        }
        double[] proxyValues = ValuesAt(spec.Proxy, years);

        FilledSeries filled = spec.Kind switch
        {
            FillKind.ProxyChain => GapFill.ByProxy(Code, years, values, proxyValues, BetweenKnown.Chain),
            FillKind.ProxySpread => GapFill.ByProxy(Code, years, values, proxyValues, BetweenKnown.Spread),
            FillKind.Linear => GapFill.Interpolate(Code, years, values, InterpolationKind.Linear, Ends(spec.Ends), proxyValues),
            _ => GapFill.Interpolate(Code, years, values, InterpolationKind.LogLinear, Ends(spec.Ends), proxyValues),
        };

        int[] filledAt = Enumerable.Range(0, years.Length)
            .Where(t => filled.Flags[t] is FillFlag.Interpolated or FillFlag.Estimated)
            .ToArray();
        long version = 0;
        if (store && filledAt.Length > 0)
        {
            var batch = new ObservationBatch(
                filledAt.Select(_ => spec.Indicator).ToArray(),
                filledAt.Select(_ => string.Empty).ToArray(),
                filledAt.Select(t => years[t]).ToArray(),
                filledAt.Select(t => filled.Values[t]).ToArray(),
                filledAt.Select(t => (byte)(filled.Flags[t] == FillFlag.Estimated ? Provenance.Estimated : Provenance.Interpolated)).ToArray(),
                filledAt.Select(t => FillSources.Of(filled.Methods[t], spec.Proxy)).ToArray());
            version = await WriteOrStageAsync(spec.WriteId, batch, cancellationToken);
        }
        return new FillRecord(
            years,
            filled.Values,
            filled.Methods.Select(m => (byte)m).ToArray(),
            filled.Flags.Select(f => (byte)f).ToArray(),
            filledAt.Length,
            FillSources.Describe(spec),
            version);
    }

    private static EndFill Ends(FillEnds ends) => ends switch
    {
        FillEnds.Proxy => EndFill.Proxy,
        FillEnds.LastCagr => EndFill.LastCagr,
        _ => EndFill.None,
    };

    /// <summary>A unilateral series with at least one value, or null.</summary>
    private SeriesRecord? Find(string indicator) =>
        State.Series.TryGetValue(SeriesRecord.Key(indicator, string.Empty), out SeriesRecord? series) && series.Years.Length > 0 ? series : null;

    private SeriesRecord Require(string indicator) =>
        Find(indicator) ?? throw new InsufficientDataException($"{Code} has no values of {indicator}; see GetEconomy for the series it holds.");

    /// <summary>The indicator aligned on <paramref name="years"/>, NaN where the economy has no value.</summary>
    private double[] ValuesAt(string indicator, int[] years)
    {
        SeriesRecord? series = indicator.Length > 0 ? Find(indicator) : null;
        if (series is null)
        {
            var missing = new double[years.Length];
            Array.Fill(missing, double.NaN);
            return missing;
        }
        return SeriesPair.At(series.Years, series.Values, years);
    }
}
