using Google.Protobuf;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.Extrapolation;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.V1;
using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Api.Scenarios;

/// <summary>
/// Checks a scenario spec against the catalogue and the limits, field by field (the message names the field and the
/// fix), into a <see cref="ScenarioRequestSpec"/>. What needs the model or the data (a shock's indicator among the
/// model's drivers, years against the data's last year) is checked by the planner before anything starts.
/// </summary>
public static class ScenarioValidation
{
    public static readonly double[] DefaultQuantiles = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

    public static ScenarioRequestSpec Resolve(ScenarioSpec? asked, CatalogView view, EstimateLimits estimate, RequestLimits limits)
    {
        if (asked is null)
        {
            throw new InvalidSpecException("spec: give a scenario spec (fit_id, fit or preset, target_year, shocks, ...)");
        }

        (ScenarioSpec spec, bool worldModel) = ScenarioPresets.Apply(asked);
        int sources = (spec.FitId.Length > 0 ? 1 : 0) + (spec.Fit is not null ? 1 : 0) + (worldModel ? 1 : 0);
        if (sources != 1)
        {
            throw new InvalidSpecException(sources == 0
                ? "fit_id: give the model: a fit_id (from Fit), an inline fit, or a preset (itc-world-2030)"
                : "fit_id: give one model only: fit_id, fit or preset");
        }

        if (spec.TargetYear != 0 && (spec.TargetYear < 1900 || spec.TargetYear > 2200))
        {
            throw new InvalidSpecException($"target_year: {spec.TargetYear} is not a year to project to; give e.g. 2030 (at most 50 years after the data)");
        }

        if (spec.Paths < 0)
        {
            throw new InvalidSpecException($"paths: {spec.Paths} is negative; give 0 (deterministic only) or a number of Monte Carlo paths");
        }

        if (spec.Paths > limits.MaxScenarioPaths)
        {
            throw new ResourceLimitException(
                $"paths: {spec.Paths} paths are over the server's limit of {limits.MaxScenarioPaths} (TradeGrid:Limits:MaxScenarioPaths); ask for fewer paths, or raise the limit");
        }

        double[] quantiles = spec.Quantiles.Count == 0 ? DefaultQuantiles : spec.Quantiles.ToArray();
        for (int i = 0; i < quantiles.Length; i++)
        {
            if (!(quantiles[i] > 0.0 && quantiles[i] < 1.0))
            {
                throw new InvalidSpecException($"quantiles[{i}]: {quantiles[i]} is outside (0, 1); give probabilities such as 0.05 and 0.95");
            }
        }

        if (spec.HasWorldScaling && spec.WorldScaling && !worldModel)
        {
            throw new InvalidSpecException(
                "world_scaling: the Box 2 scaling applies to the world share model (preset itc-world-2030) only; leave it unset for this model");
        }

        EconomySelection selection = view.Select(spec.Economies, "economies", spec.Groups, "groups");
        return new ScenarioRequestSpec
        {
            FitId = spec.FitId.Length > 0 ? RequestValidation.FitId(spec.FitId) : string.Empty,
            // RcepPreset.Resolve: a preset code the catalogue lacks is NotFound naming what to import (rcep-openness's data).
            Design = spec.Fit is { } fit ? RcepPreset.Resolve(fit, view, estimate) : null,
            World = worldModel ? WorldValidation.Resolve(ScenarioPresets.WorldRequest(), view) : null,
            TargetYear = spec.TargetYear,
            Sources = spec.Baselines.Select((b, i) => Source(b, $"baselines[{i}]", view)).ToArray(),
            Shocks = spec.Shocks.Select((s, i) => Shock(s, $"shocks[{i}]", view)).ToArray(),
            Economies = selection.Economies,
            NamedEconomies = selection.Named.ToArray(),
            Groups = spec.Groups.Select((g, i) => Group(view, g, $"groups[{i}]")).ToArray(),
            Paths = spec.Paths,
            Seed = spec.Seed,
            Quantiles = quantiles,
            CommonShocks = spec.CommonShocks,
            ResidualNoise = spec.ResidualNoise,
            Bootstrap = spec.Bootstrap,
            Store = spec.Store,
            Correction = spec.Correction switch
            {
                BiasCorrectionKind.Normal => BiasCorrection.Normal,
                BiasCorrectionKind.None => BiasCorrection.None,
                _ => BiasCorrection.Smearing,
            },
            ForbidRefit = spec.ForbidRefit,
            Preset = spec.Preset,
            SpecJson = JsonFormatter.Default.Format(asked),
            MaxRows = estimate.MaxRows,
            WorldScaling = worldModel && (!spec.HasWorldScaling || spec.WorldScaling),
        };
    }

    private static AggregateGroup Group(CatalogView view, string group, string field)
    {
        GroupMembership[] members = view.RequireGroup(group, field).ToArray();
        return new AggregateGroup(members.Length > 0 ? members[0].Group : group.Trim().ToUpperInvariant(),
            members.Select(m => new YearSpan(m.Member, m.FromYear, m.ToYear)).ToArray());
    }

    private static ScenarioSourceRequest Source(DriverBaseline b, string field, CatalogView view)
    {
        string indicator = view.RequireIndicator(b.Indicator, $"{field}.indicator");
        int kind = b.Kind switch
        {
            DriverPathKind.Given => ScenarioDriverSource.Given,
            DriverPathKind.Constant => ScenarioDriverSource.Constant,
            _ => ScenarioDriverSource.Forecast,
        };
        string method = b.Method.Trim().Length == 0 ? "auto" : b.Method.Trim().ToLowerInvariant();
        if (!Forecaster.MethodNames.Contains(method))
        {
            throw new InvalidSpecException($"{field}.method: unknown method {InputQuote.Quote(b.Method)}; the methods are {string.Join(", ", Forecaster.MethodNames)}");
        }

        if (kind == ScenarioDriverSource.Given && b.Paths.Count == 0)
        {
            throw new InvalidSpecException($"{field}.paths: kind GIVEN needs a path for at least one economy");
        }

        var paths = b.Paths.Select((p, i) =>
        {
            string economy = view.RequireEconomy(p.Economy, $"{field}.paths[{i}].economy");
            YearValue[] values = p.Values.OrderBy(v => v.Year).ToArray();
            Finite(values, $"{field}.paths[{i}].values");
            return new GivenPath(0, economy, values.Select(v => v.Year).ToArray(), values.Select(v => v.Value).ToArray());
        }).ToArray();
        return new ScenarioSourceRequest(field, indicator, kind, method, paths);
    }

    private static ScenarioShockRequest Shock(ScenarioShock s, string field, CatalogView view)
    {
        string indicator = view.RequireIndicator(s.Indicator, $"{field}.indicator");
        if (s.Kind == ShockKind.Unspecified)
        {
            throw new InvalidSpecException($"{field}.kind: give the kind: SHOCK_KIND_PERCENT, SHOCK_KIND_ABSOLUTE, SHOCK_KIND_LEVEL_PATH or SHOCK_KIND_TARGET");
        }

        if (s.Economies.Count == 0 && s.Groups.Count == 0)
        {
            throw new InvalidSpecException($"{field}.economies: name the economies or groups the shock reaches (e.g. groups [\"WLD\"])");
        }

        if (!double.IsFinite(s.Value) || (s.Kind == ShockKind.Percent && s.Value <= -100.0))
        {
            throw new InvalidSpecException($"{field}.value: {s.Value} is not a change the driver can take; a percent change is above -100");
        }

        YearValue[] path = s.Path.OrderBy(v => v.Year).ToArray();
        if (s.Kind == ShockKind.LevelPath && path.Length == 0)
        {
            throw new InvalidSpecException($"{field}.path: kind LEVEL_PATH needs the levels by year");
        }

        Finite(path, $"{field}.path");
        EconomySelection reach = view.Select(s.Economies, $"{field}.economies", s.Groups, $"{field}.groups");
        YearSpan[] targets = reach.Named.Select(e => new YearSpan(e, 0, 0))
            .Concat(reach.Memberships.Where(m => !reach.Named.Contains(m.Member)).Select(m => new YearSpan(m.Member, m.FromYear, m.ToYear)))
            .ToArray();
        var record = new ScenarioShockRecord
        {
            Driver = -1,
            Kind = s.Kind switch
            {
                ShockKind.Percent => (int)Numerics.Scenarios.ShockKind.Percent,
                ShockKind.Absolute => (int)Numerics.Scenarios.ShockKind.Absolute,
                ShockKind.LevelPath => (int)Numerics.Scenarios.ShockKind.LevelPath,
                _ => (int)Numerics.Scenarios.ShockKind.Target,
            },
            Value = s.Value,
            StartYear = s.StartYear,
            FullYear = s.FullYear,
            PhaseIn = s.PhaseIn switch
            {
                PhaseInKind.Linear => (int)Numerics.Scenarios.PhaseIn.Linear,
                PhaseInKind.Geometric => (int)Numerics.Scenarios.PhaseIn.Geometric,
                _ => s.Kind == ShockKind.Target ? (int)Numerics.Scenarios.PhaseIn.Linear : (int)Numerics.Scenarios.PhaseIn.Immediate,
            },
            PerYear = s.PerYear,
            PathYears = path.Select(v => v.Year).ToArray(),
            PathValues = path.Select(v => v.Value).ToArray(),
            Targets = targets,
        };
        return new ScenarioShockRequest(field, indicator, record);
    }

    private static void Finite(YearValue[] values, string field)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i].Year == values[i - 1].Year)
            {
                throw new InvalidSpecException($"{field}: year {values[i].Year} appears twice; give one value per year");
            }
        }

        foreach (YearValue v in values)
        {
            if (!double.IsFinite(v.Value))
            {
                throw new InvalidSpecException($"{field}: the value for {v.Year} is {v.Value}; give finite values");
            }
        }
    }
}
