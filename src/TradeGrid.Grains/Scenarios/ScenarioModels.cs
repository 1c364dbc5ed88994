using System.Globalization;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Resolves a scenario's model: a stored fit (refitted when stale, as Predict does), an inline fit, or the world share
/// model (ITC Box 2's logit(share) on its drivers, value = share × trade). Models a projection can evaluate year by
/// year: unilateral, dependent in levels or logs (or the share's logit), regressors in levels, logs or log1p of the
/// economy's own series without lags; pooled, with economy fixed effects (each economy's own recovered effect), with
/// year or two-way effects (OLS and PPML: the fit's year effects, recovered by <see cref="YearEffectsCoordinator"/>, the
/// last held for the projected years); and bilateral
/// (reporter → partner) models that <see cref="BilateralCheck"/> accepts, projected per pair.
/// </summary>
internal sealed class ScenarioModels(IGrainFactory grains)
{
    public const string OwnEffectRule = "each economy's own fixed effect, recovered from its rows of the fit and the fitted slopes (R's fixef())";

    /// <summary>
    /// What the model will read, before anything is fitted: its drivers (with, for a bilateral model, the side each is
    /// read from), its economies (reporters), its partners (bilateral; else empty), the dependent and (fit_id) the
    /// stored fit. The spec is checked here, so a refusal makes no fit.
    /// </summary>
    public async Task<ScenarioModelPreview> PreviewAsync(ScenarioRequestSpec request, CancellationToken cancellationToken)
    {
        if (request.World is { } world)
        {
            return new ScenarioModelPreview(WorldDrivers(world), [], world.Universe, [], world.ShareIndicator, null);
        }

        if (request.Design is { } design)
        {
            CheckSpec(design, "The inline fit");
            return Preview(design, null);
        }

        FitOutcome fit = await grains.FitCoordinator(request.FitId).GetFit(cancellationToken) ?? throw new FitNotFoundException(request.FitId);
        CheckSpec(fit.Spec, $"Fit {fit.FitId}");
        return Preview(fit.Spec, fit);
    }

    private static ScenarioModelPreview Preview(DesignSpec spec, FitOutcome? fit)
    {
        (string Indicator, bool Partner)[] drivers = DriversOf(spec);
        return new ScenarioModelPreview(drivers.Select(d => d.Indicator).ToArray(), spec.Bilateral ? drivers.Select(d => d.Partner).ToArray() : [],
            spec.Economies, spec.Partners, spec.Dependent.Indicator, fit);
    }

    public async Task<(ScenarioModelRecord Model, FitOutcome Fit, string Correction, double Factor)> ResolveAsync(ScenarioRequestSpec request, FitOutcome? stored,
        CancellationToken cancellationToken)
    {
        if (request.World is { } world)
        {
            WorldOutcome outcome = (await new WorldCoordinator(grains).ComputeAsync(world with { Store = false }, cancellationToken)).Outcome;
            return (WorldModel(world, outcome.Fit, request.Paths), outcome.Fit, world.MedianShare ? "none" : "normal", double.NaN);
        }

        FitOutcome fit;
        if (request.Design is { } design)
        {
            fit = await grains.FitCoordinator(design.FitId()).Fit(design, request.MaxRows, cancellationToken);
        }
        else
        {
            fit = stored ?? throw new FitNotFoundException(request.FitId);
            if (fit.Stale)
            {
                if (request.ForbidRefit)
                {
                    throw new InsufficientDataException(
                        $"Fit {request.FitId} is stale: data of its economies changed since it was made; allow a refit (drop forbid_refit) or call Fit again.");
                }

                fit = await grains.FitCoordinator(request.FitId).Fit(fit.Spec, request.MaxRows, cancellationToken);
            }
        }

        DesignSpec spec = fit.Spec;
        if (fit.Statistics.DroppedColumns.Length > 0)
        {
            throw new InvalidSpecException(
                $"Fit {fit.FitId} dropped collinear columns ({string.Join(", ", fit.Statistics.DroppedColumns)}): fit again without them, then run the scenario.");
        }

        FitStatistics s = fit.Statistics;
        bool effects = spec.EntityEffects;
        (YearEffects Effects, string How)? gathered = spec.YearEffects ? await YearEffectsCoordinator.GatherAsync(grains, spec, s.Coefficients, cancellationToken) : null;
        YearEffects? yearEffects = gathered?.Effects;
        PredictionModel model;
        if (spec.Estimator == EstimatorKind.Ppml)
        {
            model = new PredictionModel(s.Coefficients, s.Covariance, double.NaN, double.PositiveInfinity, ResponseScale.PoissonMean);
        }
        else
        {
            bool log = spec.Dependent.Transform == TransformKind.Log;
            // Smearing sums exp(residual) over the pooled rows; with fixed effects the residuals are the within ones,
            // whose log-normal mean exp(σ²/2) uses the fit's own σ: the normal correction stands in for smearing there.
            // A bilateral fit's residuals need the partners' series in every reporter's rows, which the smearing round
            // does not gather: there too the normal correction, with the fit's σ, stands in (the result says which).
            BiasCorrection correction = (spec.Effects != EffectsKind.None || spec.Bilateral) && request.Correction == BiasCorrection.Smearing
                ? BiasCorrection.Normal : request.Correction;
            model = new PredictionModel(s.Coefficients, s.Covariance, s.Sigma, s.ResidualDf, log ? ResponseScale.Log : ResponseScale.Level, correction);
            if (log && correction == BiasCorrection.Smearing)
            {
                model = model with { SmearingFactor = await SmearingFactors.OfAsync(grains, fit, cancellationToken) };
            }
        }

        (string Indicator, bool Partner)[] sides = DriversOf(spec);
        string[] drivers = sides.Select(d => d.Indicator).ToArray();
        int offset = spec.HasIntercept ? 1 : 0;
        var termDrivers = new int[model.Parameters];
        var transforms = new int[model.Parameters];
        termDrivers[0] = -1;
        for (int j = 0; j < spec.Regressors.Length; j++)
        {
            termDrivers[offset + j] = Array.IndexOf(sides, (spec.Regressors[j].Indicator, spec.Regressors[j].Side == SideKind.Partner));
            transforms[offset + j] = (int)Transform(spec.Regressors[j]);
        }

        var record = new ScenarioModelRecord
        {
            FitId = fit.FitId,
            Terms = PredictionTerms.From(model, 0.95),
            Factor = request.Paths > 0 ? CoefficientSampler.Factor(s.Covariance, model.Parameters) : [],
            Drivers = drivers,
            TermDrivers = termDrivers,
            TermTransforms = transforms,
            WeightDriver = -1,
            Dependent = spec.Dependent.Indicator,
            EffectSpec = effects ? spec : null,
            EffectsRule = EffectsRule(effects, yearEffects, gathered?.How ?? string.Empty),
            EffectYears = yearEffects?.Years ?? [],
            YearEffectValues = yearEffects?.Values ?? [],
            PartnerSide = spec.Bilateral ? sides.Select(d => d.Partner).ToArray() : [],
        };
        string name = model.Scale == ResponseScale.Log ? model.Correction.ToString().ToLowerInvariant() : string.Empty;
        return (record, fit, name, model.Scale == ResponseScale.Log ? model.LogFactor : double.NaN);
    }

    private static string EffectsRule(bool own, YearEffects? years, string how)
    {
        string held = years is null ? string.Empty
            : $"{YearEffects.HeldRule} ({years.HeldYear.ToString(CultureInfo.InvariantCulture)}: {years.Held.ToString("G6", CultureInfo.InvariantCulture)} on the link scale)"
              + (how.Length == 0 ? string.Empty : $"; {how}");
        return (own, years) switch
        {
            (true, null) => OwnEffectRule,
            (true, _) => $"{OwnEffectRule} net of the year effects; {held}",
            (false, null) => "none",
            (false, _) => held,
        };
    }

    /// <summary>The drivers in the regressors' order: an indicator per side it is read from (a gravity model's GDP is two drivers).</summary>
    private static (string Indicator, bool Partner)[] DriversOf(DesignSpec spec) =>
        spec.Regressors.Select(r => (r.Indicator, r.Side == SideKind.Partner)).Distinct().ToArray();

    private static string[] WorldDrivers(WorldSpec world) =>
        world.Drivers.Select(d => d.Indicator).Append(world.TradeIndicator).Distinct(StringComparer.Ordinal).ToArray();

    private static void CheckSpec(DesignSpec spec, string id)
    {
        if (spec.Bilateral)
        {
            BilateralCheck.Require(spec, id);
            return;
        }

        if (spec.Absorbed)
        {
            throw new InvalidSpecException(
                $"{id} is a formula fit with absorbed effect sets: scenarios project fits made with `effects` (none, economy, year or two-way); fit the model so.");
        }

        if (spec.Effects is not (EffectsKind.None or EffectsKind.Economy or EffectsKind.Year or EffectsKind.TwoWay))
        {
            throw new InvalidSpecException(
                $"{id} has {spec.Effects} fixed effects: scenarios project unilateral fits with economy, year or two-way effects, or none.");
        }

        if (spec.Dependent.Transform is not (TransformKind.Level or TransformKind.Log) || spec.Dependent.Lag != 0)
        {
            throw new InvalidSpecException($"{id} has dependent {spec.Dependent.Name}: scenarios need a dependent in levels or logs, unlagged.");
        }

        foreach (VariableSpec v in spec.Regressors)
        {
            if (v.Lag != 0 || v.Transform == TransformKind.Difference || v.Side != SideKind.Reporter)
            {
                throw new InvalidSpecException(
                    $"{id} has regressor {v.Name}: scenarios project regressors of the economy's own series in levels, logs or log1p, unlagged.");
            }
        }
    }

    private static DriverTransform Transform(VariableSpec v) => v.Transform switch
    {
        TransformKind.Log => DriverTransform.Log,
        TransformKind.Log1p => DriverTransform.Log1p,
        _ => DriverTransform.Level,
    };

    /// <summary>The share model: logit(share) = b0 + Σ b_j·driver_j; the projected value is share × trade (the weight driver).</summary>
    private static ScenarioModelRecord WorldModel(WorldSpec world, FitOutcome fit, int paths)
    {
        FitStatistics s = fit.Statistics;
        var model = new PredictionModel(s.Coefficients, s.Covariance, s.Sigma, s.ResidualDf, ResponseScale.Logit,
            world.MedianShare ? BiasCorrection.None : BiasCorrection.Normal);
        string[] drivers = WorldDrivers(world);
        return new ScenarioModelRecord
        {
            FitId = fit.FitId,
            Terms = PredictionTerms.From(model, 0.95),
            Factor = paths > 0 ? CoefficientSampler.Factor(s.Covariance, model.Parameters) : [],
            Drivers = drivers,
            TermDrivers = world.Drivers.Select(d => Array.IndexOf(drivers, d.Indicator)).Prepend(-1).ToArray(),
            TermTransforms = world.Drivers.Select(d => (int)Transform(d)).Prepend((int)DriverTransform.Level).ToArray(),
            WeightDriver = Array.IndexOf(drivers, world.TradeIndicator),
            Dependent = world.ShareIndicator,
            HistoryScale = world.Percent ? 0.01 : 1.0,
            EffectsRule = "none",
        };
    }
}
