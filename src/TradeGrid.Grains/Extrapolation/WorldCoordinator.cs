using System.Globalization;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Estimation;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// Runs ITC Box 2 over the economy grains: round one, each economy fills its single-year share by trade growth and
/// returns the QR factor of its rows of logit(share) on the drivers; the factors are combined (tall-skinny QR) and
/// solved as pooled OLS with classical covariance; round two, each economy predicts its uncovered years (the mean share
/// under normal errors, or the median); per year the
/// covered total is scaled to the world (<see cref="WorldScaling"/>). A plain class: it runs in the world job
/// (<see cref="WorldJobGrain"/>, which stages and commits a stored run) or in a scenario's planning; it writes nothing itself.
/// </summary>
public sealed class WorldCoordinator(IGrainFactory grains)
{
    /// <summary>Both rounds and the world totals, nothing written: a pure function of the economies' data, so it may run again.</summary>
    public async Task<WorldComputation> ComputeAsync(WorldSpec spec, CancellationToken cancellationToken)
    {
        int[] years = await YearsAsync(spec, cancellationToken);
        Func<string, WorldJob> Job = JobOf(spec, years);

        WorldBlock[] blocks = await Task.WhenAll(spec.Universe.Select(e => Grain(e).WorldRows(Job(e), cancellationToken).AsTask()));
        QrPart[] parts = blocks.Select(b => b.Part).OfType<QrPart>().ToArray();
        if (parts.Length == 0)
        {
            throw new InsufficientDataException(
                $"No economy has a {spec.ShareIndicator} share in (0, 1) with every driver in {years[0]}–{years[^1]}; "
                + "widen the years, raise driver_max_age, or choose drivers the covered economies have.");
        }

        string[] names = new[] { DesignSpec.Intercept }.Concat(spec.Drivers.Select(d => d.Name)).ToArray();
        var options = new OlsOptions(CovarianceKind.Classical, spec.Level, DropCollinear: false, InterceptColumn: 0);
        OlsFit fit = Ols.Finish(TallSkinnyQr.Combine(parts), [], names, options);
        var model = new PredictionModel(fit.Coefficients, fit.Covariance, fit.Sigma, fit.ResidualDf, ResponseScale.Logit,
            spec.MedianShare ? BiasCorrection.None : BiasCorrection.Normal);
        var terms = PredictionTerms.From(model, spec.Level);
        WorldRow[][] rows = await Task.WhenAll(spec.Universe.Select(e => Grain(e).WorldPredict(Job(e), terms, cancellationToken).AsTask()));

        (double[] gdp, double[] trade, string source) = await WorldTotalsAsync(spec, years, rows, cancellationToken);
        var outcomes = new WorldYearOutcome[years.Length];
        for (int y = 0; y < years.Length; y++)
        {
            outcomes[y] = Year(spec, years[y], y, rows, gdp[y], trade[y], source, fit.Covariance);
        }

        FitOutcome fitOutcome = FitOf(spec, fit, blocks);
        var economies = spec.Universe.SelectMany((e, i) => rows[i].Select(r => (e, r))).ToArray();
        var outcome = new WorldOutcome(outcomes, economies, fitOutcome, blocks.Sum(b => b.OutsideUnitInterval), 0);
        return new WorldComputation(outcome, rows, years);
    }

    /// <summary>
    /// Has every economy stage its shares of <paramref name="run"/> under <paramref name="writeId"/> (a second stage
    /// under the same id replaces the first); returns the economies that staged any, and the shares staged.
    /// </summary>
    public async Task<(string[] Staged, long Shares)> StageAsync(WorldSpec spec, WorldComputation run, Guid writeId, CancellationToken cancellationToken)
    {
        Func<string, WorldJob> Job = JobOf(spec, run.Years);
        string citation = $"ITC Box 2 pipeline, share model {run.Outcome.Fit.FitId} (logit({spec.ShareIndicator}) on {string.Join(", ", spec.Drivers.Select(d => d.Name))})";
        int[] written = await Task.WhenAll(spec.Universe.Select((e, i) =>
            Grain(e).WorldStore(Job(e), run.Rows[i], citation, writeId, cancellationToken).AsTask()));
        return (spec.Universe.Where((_, i) => written[i] > 0).ToArray(), written.Sum());
    }

    /// <summary>The pipeline as each economy sees it.</summary>
    private static Func<string, WorldJob> JobOf(WorldSpec spec, int[] years)
    {
        var hidden = new HashSet<string>(spec.Hidden, StringComparer.Ordinal);
        return economy => new WorldJob(spec.ShareIndicator, spec.Percent, spec.TradeIndicator, spec.GdpIndicator, spec.Drivers, years,
            spec.MaxAge, hidden.Contains(economy), spec.Fill, spec.Level);
    }

    private IEconomyExtrapolationGrain Grain(string economy) => grains.EconomyExtrapolation(economy);

    private WorldYearOutcome Year(WorldSpec spec, int year, int index, WorldRow[][] rows, double worldGdp, double worldTrade, string source, double[] covariance)
    {
        var covered = new List<CoveredValue>();
        int filled = 0, notPredictable = 0;
        for (int e = 0; e < rows.Length; e++)
        {
            WorldRow r = rows[e][index];
            if (r.Coverage == Coverage.NotPredictable || !double.IsFinite(r.Value) || !double.IsFinite(r.Gdp))
            {
                notPredictable++;
                continue;
            }

            filled += r.Coverage == Coverage.Filled ? 1 : 0;
            covered.Add(new CoveredValue(spec.Universe[e], r.Value, r.Gdp, r.Trade, r.Gradient, r.NewVariance));
        }

        if (!(worldGdp > 0.0) || !(worldTrade > 0.0))
        {
            throw new InsufficientDataException(
                $"No world GDP ({spec.GdpIndicator}) or world trade ({spec.TradeIndicator}) for {year}: load them for {spec.World} "
                + "or for the economies, raise driver_max_age, or narrow the years.");
        }

        WorldEstimate estimate = WorldScaling.Scale(covered, worldGdp, worldTrade, covariance, spec.Scaling, spec.Level);
        return new WorldYearOutcome(year, estimate, filled, notPredictable, worldGdp, worldTrade, source);
    }

    /// <summary>
    /// World GDP and trade per year: the world economy's values (as of the drivers' age), else the sums over the
    /// universe of the GDP and trade its economies returned with their rows (as of the same age).
    /// </summary>
    private async Task<(double[] Gdp, double[] Trade, string Source)> WorldTotalsAsync(WorldSpec spec, int[] years, WorldRow[][] rows,
        CancellationToken cancellationToken)
    {
        SeriesRecord[] world = spec.World.Length == 0 ? [] :
            await grains.Economy(spec.World).GetSeriesMany([spec.GdpIndicator, spec.TradeIndicator], string.Empty, 0, 0, cancellationToken);
        SeriesRecord? gdp = world.FirstOrDefault(s => s.Indicator == spec.GdpIndicator);
        SeriesRecord? trade = world.FirstOrDefault(s => s.Indicator == spec.TradeIndicator);
        if (gdp is not null && trade is not null)
        {
            return (years.Select(t => VariableValues.AsOf(gdp, t, spec.MaxAge)).ToArray(),
                years.Select(t => VariableValues.AsOf(trade, t, spec.MaxAge)).ToArray(), spec.World);
        }

        double Sum(int y, Func<WorldRow, double> value) => rows.Select(r => value(r[y])).Where(double.IsFinite).Sum();
        return (years.Select((_, y) => Sum(y, r => r.Gdp)).ToArray(), years.Select((_, y) => Sum(y, r => r.Trade)).ToArray(),
            $"sum over {spec.Universe.Length} economies");
    }

    /// <summary>The years asked, or those in which an economy of the universe reports the share.</summary>
    private async Task<int[]> YearsAsync(WorldSpec spec, CancellationToken cancellationToken)
    {
        if (spec.From != 0 && spec.To != 0)
        {
            return Enumerable.Range(spec.From, spec.To - spec.From + 1).ToArray();
        }

        SeriesRecord?[] shares = await Task.WhenAll(spec.Universe.Select(e =>
            grains.Economy(e).GetSeries(spec.ShareIndicator, string.Empty, spec.From, spec.To, cancellationToken).AsTask()));
        int[] reported = shares.OfType<SeriesRecord>().SelectMany(s => s.Years).Distinct().Order().ToArray();
        if (reported.Length == 0)
        {
            throw new InsufficientDataException($"No economy of the universe reports {spec.ShareIndicator}{Range(spec)}: nothing to fit; import the share first.");
        }

        return reported;
    }

    private static string Range(WorldSpec spec) => spec.From == 0 && spec.To == 0 ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $" in {(spec.From == 0 ? "…" : spec.From)}–{(spec.To == 0 ? "…" : spec.To)}");

    private static FitOutcome FitOf(WorldSpec spec, OlsFit fit, WorldBlock[] blocks)
    {
        var design = new DesignSpec
        {
            Dependent = new VariableSpec(spec.ShareIndicator, TransformKind.Level, 0, SideKind.Reporter),
            Regressors = spec.Drivers,
            Economies = blocks.Where(b => b.Rows > 0).Select(b => b.Economy).ToArray(),
            Partners = [],
            From = spec.From,
            To = spec.To,
            Effects = EffectsKind.None,
            Estimator = EstimatorKind.Ols,
            Covariance = CovarianceChoice.Classical,
            ConfidenceLevel = spec.Level,
            DropCollinear = false,
            DropNonpositiveLog = false,
            Preset = "world: logit(share)",
        };
        return new FitOutcome
        {
            FitId = design.FitId(),
            Spec = design,
            Statistics = FitStatistics.From(fit),
            Drops = [],
            Versions = [],
            Blocks = design.Economies.Length,
            FittedAt = DateTimeOffset.UtcNow,
        };
    }
}
