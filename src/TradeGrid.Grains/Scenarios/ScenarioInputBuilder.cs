using System.Globalization;
using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Estimation;
using TradeGrid.Grains.Forecasting;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Builds one economy's <see cref="EconomyScenarioInput"/> from its own series: each driver's baseline over the
/// projected years (its forecast from its last observed year, a given path, or its last value held), the forecast's
/// standard error per year (from its 95% interval: (upper − lower) / (2 · 1.96)) for the Monte Carlo, the shocks that
/// reach the economy with the years they hold, and (fixed-effects models) the economy's own effect plus, with year
/// effects, the held year effect (<see cref="YearEffects.Held"/>). For a (reporter, partner) pair of a bilateral model the
/// reporter-side drivers are the reporter's own (made here) and the partner-side ones the partner's, made in its grain
/// by <see cref="PartnerPaths"/> and carried by the coordinator.
/// </summary>
internal static class ScenarioInputBuilder
{
    private const double Z975 = 1.959963984540054;

    public delegate SeriesForecastRecord ForecastOf(SeriesRecord series, ForecastSpec spec);

    public static (EconomyScenarioInput Input, string[] Methods) Build(string economy, IReadOnlyDictionary<string, SeriesRecord> series,
        ScenarioEconomyJob job, ForecastOf forecast)
    {
        ScenarioModelRecord model = job.Model;
        int horizon = job.Horizon;
        int[] years = Enumerable.Range(job.FirstYear, horizon).ToArray();
        int drivers = model.Drivers.Length;
        var baseline = new double[drivers][];
        var errors = new DriverErrorModel?[drivers];
        var methods = new string[drivers];
        for (int j = 0; j < drivers; j++)
        {
            (baseline[j], errors[j], methods[j]) = model.IsPartnerDriver(j) ? FromPartner(job, j) : Driver(economy, series, job, j, years, forecast);
        }

        var shocks = job.Shocks.Select(s => new ShockPlan(s.Driver, s.ToShock(), years.Select(y => s.Targets.Any(t => t.Holds(y))).ToArray())).ToArray();
        YearEffects? yearEffects = model.YearEffects;
        double own = model.EffectSpec is { } spec ? Effect(economy, series, spec, model.Terms.Coefficients, yearEffects) : 0.0;
        double effect = own + (yearEffects?.Held ?? 0.0);
        // A pair's streams are its own: keyed by reporter and partner, never by the chunk or silo that runs it.
        ulong key = job.Partner.Length == 0 ? RandomStream.KeyOf(economy) : RandomStream.PairKeyOf(economy, job.Partner);
        return (new EconomyScenarioInput(years, baseline, shocks, effect, errors, key), methods);
    }

    /// <summary>
    /// This economy's paths of the job's partner-side drivers, made as any driver's (forecast, given or held); the
    /// series are checked first, so a partner without one costs no forecast.
    /// </summary>
    public static ScenarioDriverPaths PartnerPaths(string economy, IReadOnlyDictionary<string, SeriesRecord> series, ScenarioEconomyJob job, ForecastOf forecast)
    {
        ScenarioModelRecord model = job.Model;
        int drivers = model.Drivers.Length;
        int[] mine = Enumerable.Range(0, drivers).Where(model.IsPartnerDriver).ToArray();
        foreach (int j in mine)
        {
            if (!job.Given.Any(g => g.Driver == j) && !series.TryGetValue(SeriesRecord.Key(model.Drivers[j], string.Empty), out _))
            {
                return ScenarioDriverPaths.SkippedFor(economy, $"partner {economy} has no {model.Drivers[j]}");
            }
        }

        int[] years = Enumerable.Range(job.FirstYear, job.Horizon).ToArray();
        var levels = new double[drivers][];
        var increments = new double[drivers][];
        var residuals = new double[drivers][];
        var methods = new string[drivers];
        for (int j = 0; j < drivers; j++)
        {
            levels[j] = increments[j] = residuals[j] = [];
            methods[j] = string.Empty;
        }

        foreach (int j in mine)
        {
            try
            {
                (double[] path, DriverErrorModel? error, string method) = Driver(economy, series, job, j, years, forecast);
                levels[j] = path;
                increments[j] = error?.Increments ?? [];
                residuals[j] = error?.Residuals ?? [];
                methods[j] = method;
            }
            catch (TradeGridException ex)
            {
                // The forecast's own messages name the series ("BRN KA_OPEN has missing years …") or only the method ("auto needs …").
                string what = ex.Message.StartsWith(economy, StringComparison.Ordinal) ? ex.Message : $"{economy} {model.Drivers[j]}: {ex.Message}";
                return ScenarioDriverPaths.SkippedFor(economy, $"partner {what}");
            }
        }

        return new ScenarioDriverPaths { Economy = economy, Levels = levels, Increments = increments, Residuals = residuals, Methods = methods };
    }

    /// <summary>A partner-side driver of a pair: the path its partner's grain made (the coordinator carried it here).</summary>
    private static (double[] Path, DriverErrorModel? Error, string Method) FromPartner(ScenarioEconomyJob job, int j)
    {
        ScenarioDriverPaths partner = job.PartnerDrivers
            ?? throw new ArgumentException($"Job {job.JobId}: driver {j} is read from the partner, and the job carries no partner paths.", nameof(job));
        if (partner.Skipped.Length > 0)
        {
            throw new InsufficientDataException(partner.Skipped);
        }

        DriverErrorModel? error = partner.Increments[j].Length == 0 ? null : new DriverErrorModel(partner.Increments[j], partner.Residuals[j]);
        return (partner.Levels[j], error, partner.Methods[j]);
    }

    /// <summary>The dependent's observed values (to <paramref name="partner"/> for a pair; times the weight driver's, for a weighted model), for charts.</summary>
    public static (int[] Years, double[] Values) History(IReadOnlyDictionary<string, SeriesRecord> series, ScenarioModelRecord model, string partner = "")
    {
        if (SeriesSums.Find(series, model.Dependent, partner) is not { } dependent)
        {
            return ([], []);
        }

        SeriesRecord? weight = model.WeightDriver < 0 ? null : series.GetValueOrDefault(SeriesRecord.Key(model.Drivers[model.WeightDriver], string.Empty));
        var years = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < dependent.Years.Length; i++)
        {
            double w = weight is null ? 1.0 : VariableValues.AsOf(weight, dependent.Years[i]);
            if (double.IsFinite(dependent.Values[i] * w))
            {
                years.Add(dependent.Years[i]);
                values.Add(dependent.Values[i] * model.HistoryScale * w);
            }
        }

        return (years.ToArray(), values.ToArray());
    }

    /// <summary>
    /// The years before <paramref name="before"/> in which the dependent is not observed but every driver is, and the
    /// drivers' levels in each (for the model's value standing in for the missing observation).
    /// </summary>
    public static (int[] Years, double[][] Drivers) ObservedDrivers(IReadOnlyDictionary<string, SeriesRecord> series, ScenarioModelRecord model,
        int before, IReadOnlySet<int> observed)
    {
        var driverSeries = new SeriesRecord[model.Drivers.Length];
        for (int j = 0; j < driverSeries.Length; j++)
        {
            if (!series.TryGetValue(SeriesRecord.Key(model.Drivers[j], string.Empty), out SeriesRecord? s))
            {
                return ([], []);
            }

            driverSeries[j] = s;
        }

        var years = new List<int>();
        var rows = new List<double[]>();
        foreach (int year in driverSeries[0].Years)
        {
            if (year >= before || observed.Contains(year))
            {
                continue;
            }

            // Exactly that year's values: no carrying forward, so a member's stand-in rests on its own data of the year.
            double[] row = driverSeries.Select(s => VariableValues.AsOf(s, year)).ToArray();
            if (row.All(double.IsFinite))
            {
                years.Add(year);
                rows.Add(row);
            }
        }

        return (years.ToArray(), rows.ToArray());
    }

    private static (double[] Path, DriverErrorModel? Error, string Method) Driver(string economy, IReadOnlyDictionary<string, SeriesRecord> series,
        ScenarioEconomyJob job, int j, int[] years, ForecastOf forecast)
    {
        ScenarioDriverSource source = job.Sources[j];
        GivenPath? given = job.Given.FirstOrDefault(g => g.Driver == j);
        if (given is not null)
        {
            return (years.Select(y => given.Values[Array.BinarySearch(given.Years, y)]).ToArray(), null, "given");
        }

        if (!series.TryGetValue(SeriesRecord.Key(source.Indicator, string.Empty), out SeriesRecord? s) || s.Years.Length == 0)
        {
            throw new InsufficientDataException($"{economy} has no {source.Indicator}");
        }

        int last = ForecastInput.LastObservedYear(s);
        if (source.Kind == ScenarioDriverSource.Constant)
        {
            double value = VariableValues.AsOf(s, last);
            return (years.Select(_ => value).ToArray(), null, $"constant at its {last.ToString(CultureInfo.InvariantCulture)} value");
        }

        int h = years[^1] - last;
        // Bilateral models: a history with missing years inside (WDI's internet users of the early 1990s) is trained from
        // its last gap on, which the forecast would otherwise refuse (most of the world's partners would be skipped). A
        // history without gaps is trained whole (train_start 0). Unilateral models keep refusing gaps: their documented
        // runs (itc-world-2030's projected economies and Box 2's s) rest on that.
        int trainStart = job.Model.Bilateral ? AfterLastGap(s) : 0;
        var spec = new ForecastSpec(source.Indicator, string.Empty, source.Method, h, [95.0], trainStart, 0, LogScale: false, Store: false, 0, 0);
        SeriesForecastRecord f = forecast(s, spec);
        var path = new double[years.Length];
        var sigmas = new double[years.Length];
        for (int i = 0; i < years.Length; i++)
        {
            int step = years[i] - last - 1;
            path[i] = f.Point[step];
            sigmas[i] = (f.Upper[0][step] - f.Lower[0][step]) / (2.0 * Z975);
        }

        DriverErrorModel? error = null;
        if (job.Paths > 0)
        {
            double[] residuals = job.Bootstrap ? DriverErrorModel.StandardisedChanges(ForecastInput.From(economy, s, spec).Values) : [];
            error = DriverErrorModel.FromSigmas(sigmas, residuals);
        }

        string trained = trainStart == 0 ? string.Empty : $", trained from {trainStart.ToString(CultureInfo.InvariantCulture)} after a gap";
        return (path, error, $"{f.Method}: {f.Model} from {last.ToString(CultureInfo.InvariantCulture)}{trained}");
    }

    /// <summary>The first observed year after the series' last missing year inside its observed span; 0 when it has no gap.</summary>
    private static int AfterLastGap(SeriesRecord series)
    {
        int previous = 0;
        int start = 0;
        for (int i = 0; i < series.Years.Length; i++)
        {
            if (series.Provenance[i] == (byte)Provenance.Forecast)
            {
                continue;
            }

            if (previous != 0 && series.Years[i] > previous + 1)
            {
                start = series.Years[i];
            }

            previous = series.Years[i];
        }

        return start;
    }

    /// <summary>
    /// The effect on the link of each history year of an economy whose projection has <paramref name="effect"/>: the
    /// same for a model without year effects; for one with them, the economy's own effect plus that year's λ_t (NaN for
    /// a year outside the fit's sample, which then has no model value).
    /// </summary>
    public static double[] HistoryEffects(ScenarioModelRecord model, double effect, int[] years) => model.YearEffects is { } yearEffects
        ? years.Select(y => effect - yearEffects.Held + yearEffects.At(y)).ToArray()
        : years.Select(_ => effect).ToArray();

    private static double Effect(string economy, IReadOnlyDictionary<string, SeriesRecord> series, DesignSpec spec, double[] beta, YearEffects? yearEffects)
    {
        if (Array.BinarySearch(spec.Economies, economy, StringComparer.Ordinal) < 0)
        {
            throw new InsufficientDataException($"{economy} is not in the fit's sample: a fixed-effects model has no effect of its own for it");
        }

        DesignBlock block = DesignRows.Build(economy, series, spec, []);
        double[] offsets = yearEffects?.OfRows(block.Year) ?? [];
        return spec.Estimator == EstimatorKind.Ppml
            ? EconomyEffect.Poisson(block.X, block.Y, beta, offsets)
            : EconomyEffect.Linear(block.X, block.Y, beta, offsets);
    }
}
