using System.Globalization;
using Google.Protobuf;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Api.Scenarios;

/// <summary>Maps scenario records to the proto (ScenarioJob, ScenarioSeries, ScenarioResult).</summary>
public static class ScenarioMapping
{
    public const string Method =
        "Baseline: each driver's path per economy (forecast from its last observed year, given, or held); scenario: the same "
        + "paths with the shocks applied to the driver's level before the model's transform. Each year's value is the model's "
        + "prediction at the fitted coefficients (Predict's back-transform and bias correction; economy fixed effects: each "
        + "economy's own recovered effect; year effects: the last sample year's, held); bilateral models: one projection per (reporter, partner) pair, "
        + "reporter-side drivers the reporter's, partner-side drivers the partner's (forecast in its grain), a shock reaching a pair "
        + "through the side of the driver it moves. Monte Carlo paths draw the coefficients from N(b, V) (one draw per path, shared by "
        + "every economy), each driver's forecast error (normal innovations matching its forecast's standard error each year, or "
        + "bootstrapped standardised changes), and optionally the residual; baseline and scenario share every draw. Streams are "
        + "xoshiro256** seeded from (seed, economy, path). Quantiles are exact type-7 sample quantiles over all paths.";

    public static ScenarioJob ToProto(this ScenarioJobStatus s) => new()
    {
        JobId = s.JobId,
        State = (ScenarioJobState)s.State,
        Progress = new JobProgress
        {
            Done = s.Done,
            Total = s.Total,
            Fraction = s.Total == 0 ? 0.0 : (double)s.Done / s.Total,
            Skipped = s.Skipped,
        },
        StartedAt = s.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        FinishedAt = s.FinishedAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
        FitId = s.FitId,
        Seed = s.Seed,
        Paths = s.Paths,
        TargetYear = s.TargetYear,
        Preset = s.Preset,
        Message = s.Message,
        Stored = s.Stored,
    };

    public static ScenarioSeries ToProto(this ScenarioSeriesRecord r)
    {
        var series = new ScenarioSeries { Economy = r.Economy, Partner = r.Partner, Aggregate = r.Aggregate, Skipped = r.Skipped, Members = r.Members, HistoryNote = r.HistoryNote };
        for (int i = 0; i < r.HistoryYears.Length; i++)
        {
            series.History.Add(new YearValue { Year = r.HistoryYears[i], Value = r.HistoryValues[i] });
        }

        for (int h = 0; h < r.Years.Length; h++)
        {
            double b = r.Baseline[h], s = r.Scenario[h];
            var year = new ScenarioYear
            {
                Year = r.Years[h],
                Baseline = b,
                Scenario = s,
                Difference = s - b,
                PercentDifference = 100.0 * (s / b - 1.0),
            };
            if (r.BaselinePaths.Length > 0)
            {
                year.BaselinePaths = r.BaselinePaths[h].ToProto();
                year.ScenarioPaths = r.ScenarioPaths[h].ToProto();
                year.DifferencePaths = r.DifferencePaths[h].ToProto();
            }

            series.Years.Add(year);
        }

        return series;
    }

    /// <summary>What a model's values are: the dependent, or the share times its weight driver.</summary>
    public static string ValueOf(ScenarioModelRecord model)
    {
        if (model.WeightDriver < 0)
        {
            return model.Dependent;
        }

        string share = model.HistoryScale == 0.01 ? $"{model.Dependent} / 100" : model.Dependent;
        return $"{share} × {model.Drivers[model.WeightDriver]}";
    }

    /// <summary>The unit of a model's values, from the catalogue: the weight's for a share model, else the dependent's.</summary>
    public static string UnitOf(ScenarioModelRecord model, CatalogView catalog)
    {
        string indicator = model.WeightDriver < 0 ? model.Dependent : model.Drivers[model.WeightDriver];
        return catalog.Indicators.TryGetValue(indicator, out IndicatorRecord? info) ? info.Unit : string.Empty;
    }

    /// <summary>The result; without the economies for RunScenario's summary (they were streamed).</summary>
    public static ScenarioResult ToProto(this ScenarioResultRecord r, bool economies, CatalogView catalog)
    {
        ScenarioPlan plan = r.Plan;
        var result = new ScenarioResult
        {
            JobId = plan.JobId,
            Spec = JsonParser.Default.Parse<ScenarioSpec>(plan.SpecJson),
            FitId = plan.Model.FitId,
            Fit = plan.Fit.ToProto(),
            Seed = plan.Seed,
            Paths = plan.Paths,
            FirstYear = plan.FirstYear,
            LastYear = plan.LastYear,
            Scale = plan.Model.ScaleName,
            Correction = plan.Correction,
            CorrectionFactor = plan.CorrectionFactor,
            EffectsRule = plan.Model.EffectsRule,
            Projected = r.Economies.Count(e => e.Skipped.Length == 0),
            Skipped = r.Economies.Count(e => e.Skipped.Length > 0),
            Method = Method,
            Value = ValueOf(plan.Model),
            Unit = UnitOf(plan.Model, catalog),
        };
        if (r.WorldScaling is { } w)
        {
            result.WorldScaling = new WorldScalingUsed
            {
                Year = w.Year,
                GdpShare = w.GdpShare,
                TradeShare = w.TradeShare,
                Share = w.Share,
                WorldSource = w.WorldSource,
            };
        }

        result.Quantiles.AddRange(plan.Quantiles);
        result.DataVersions.AddRange(r.Versions.Select(v => new DataVersion { Economy = v.Economy, Version = v.Version }));
        result.Drivers.AddRange(plan.Sources.Select(s => new ScenarioDriver
        {
            Indicator = s.Indicator,
            Kind = s.Kind switch
            {
                ScenarioDriverSource.Given => DriverPathKind.Given,
                ScenarioDriverSource.Constant => DriverPathKind.Constant,
                _ => DriverPathKind.Forecast,
            },
            Method = s.Kind == ScenarioDriverSource.Forecast ? s.Method : string.Empty,
        }));
        if (economies)
        {
            result.Economies.AddRange(r.Economies.Select(e => e.ToProto()));
        }

        result.Aggregates.AddRange(r.Aggregates.Select(a => a.ToProto()));
        return result;
    }

    private static PathDistribution ToProto(this YearDistribution d)
    {
        var p = new PathDistribution { Mean = d.Mean, Sd = d.Sd };
        p.Quantiles.AddRange(d.Quantiles);
        return p;
    }
}
