using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Grains.Writes;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// Predicts from a stored fit. A fit whose data changed since is refitted (or refused when the request forbids it).
/// A fit with fixed effects is refitted without them (pooled, with an intercept): an economy outside the sample has
/// no effect of its own, and year effects are not reported, so the pooled model is the one that can predict for it;
/// the response says so. A log dependent's smearing factor is summed over the fit's economies (one small round, kept
/// per fit: <see cref="SmearingFactors"/>); then every target economy predicts its own years in parallel. A prediction that stores nothing, from a
/// pooled fit, makes one round, not two: each economy's answer carries its data version, so the staleness check reads
/// the versions off the answers (and asks only the fit's economies that were not asked to predict); a stale fit is then
/// refitted (or refused) and the economies predict again, as when the check came first. A plain class: it runs where
/// the gateway calls it.
/// </summary>
public sealed class PredictionCoordinator(IGrainFactory grains, WriteCoordinator writes)
{
    public PredictionCoordinator(IGrainFactory grains)
        : this(grains, new WriteCoordinator(grains))
    {
    }

    public const string PooledRule = "refitted without fixed effects (pooled OLS with an intercept): an economy outside the fit has no effect of its own";

    /// <summary>The prediction, or null when no fit has that id on this cluster.</summary>
    public async Task<PredictionOutcome?> PredictAsync(PredictionRequestSpec request, int maxRows, CancellationToken cancellationToken)
    {
        if (!request.Store)
        {
            FitOutcome? kept = await grains.FitCoordinator(request.FitId).PeekFit(cancellationToken);
            if (kept is null)
            {
                return null;
            }

            Check(kept.Spec, request.FitId);
            if (kept.Spec.Effects == EffectsKind.None && kept.Statistics.DroppedColumns.Length == 0
                && await CurrentAsync(kept, request, cancellationToken) is { } current)
            {
                return current;
            }
        }

        FitOutcome? fit = await grains.FitCoordinator(request.FitId).GetFit(cancellationToken);
        if (fit is null)
        {
            return null;
        }

        DesignSpec spec = fit.Spec;
        Check(spec, request.FitId);
        bool refitted = false;
        if (fit.Stale)
        {
            if (request.ForbidRefit)
            {
                throw new InsufficientDataException(
                    $"Fit {request.FitId} is stale: data of its economies changed since it was made; allow a refit (drop forbid_refit) or call Fit again.");
            }

            fit = await grains.FitCoordinator(request.FitId).Fit(spec, maxRows, cancellationToken);
            refitted = true;
        }

        string rule = "none";
        if (spec.Effects != EffectsKind.None)
        {
            spec = spec with { Effects = EffectsKind.None };
            fit = await grains.FitCoordinator(spec.FitId()).Fit(spec, maxRows, cancellationToken);
            rule = PooledRule;
        }

        if (fit.Statistics.DroppedColumns.Length > 0)
        {
            throw new InvalidSpecException(
                $"Fit {fit.FitId} dropped collinear columns ({string.Join(", ", fit.Statistics.DroppedColumns)}): fit again without them, then predict.");
        }

        PredictionModel model = await ModelOf(fit, request.Correction, cancellationToken);
        PredictionJob job = JobOf(fit, spec, model, request);
        EconomyPredictions[] economies;
        if (!request.Store)
        {
            economies = await PredictAllAsync(job, spec, request, cancellationToken);
        }
        else
        {
            // Every economy stages its predictions; they are stored as one atomic write, or not at all.
            economies = [];
            WriteReceipt receipt = await writes.StageAndCommitAsync(request.Economies, async writeId =>
            {
                economies = await PredictAllAsync(job with { WriteId = writeId }, spec, request, cancellationToken);
                return economies.Where(p => p.Stored > 0).Select(p => p.Economy).ToArray();
            }, cancellationToken);
            economies = economies.Select(p => receipt.Versions.TryGetValue(p.Economy, out long version) ? p with { Version = version } : p).ToArray();
        }

        return new PredictionOutcome(fit, request.FitId, refitted, rule, model, Factor(model), economies);
    }

    /// <summary>
    /// The one-round prediction from the fit as kept: every target economy predicts and says its data version; the
    /// fit's economies that were not targets say theirs. Null when a version differs from the fit's (the fit is stale):
    /// the caller then takes the checked path.
    /// </summary>
    private async Task<PredictionOutcome?> CurrentAsync(FitOutcome fit, PredictionRequestSpec request, CancellationToken cancellationToken)
    {
        PredictionModel model = await ModelOf(fit, request.Correction, cancellationToken);
        PredictionJob job = JobOf(fit, fit.Spec, model, request);
        var targets = new HashSet<string>(request.Economies, StringComparer.Ordinal);
        EconomyVersion[] others = fit.Versions.Where(v => !targets.Contains(v.Economy)).ToArray();
        Task<long[]> otherVersions = Task.WhenAll(others.Select(v => grains.Economy(v.Economy).GetVersion(cancellationToken).AsTask()));
        EconomyPredictions[] economies = await PredictAllAsync(job, fit.Spec, request, cancellationToken);
        long[] versions = await otherVersions;
        var read = new Dictionary<string, long>(economies.Length + others.Length, StringComparer.Ordinal);
        foreach (EconomyPredictions p in economies)
        {
            read[p.Economy] = p.Version;
        }

        for (int i = 0; i < others.Length; i++)
        {
            read[others[i].Economy] = versions[i];
        }

        bool current = fit.Versions.All(v => read.TryGetValue(v.Economy, out long version) && version == v.Version);
        return current ? new PredictionOutcome(fit, request.FitId, false, "none", model, Factor(model), economies) : null;
    }

    private static double Factor(PredictionModel model) => model.Scale == ResponseScale.Log ? model.LogFactor : 1.0;

    private static void Check(DesignSpec spec, string fitId)
    {
        if (spec.Bilateral)
        {
            throw new InvalidSpecException($"Fit {fitId} is bilateral (reporter → partner rows): prediction serves unilateral fits only.");
        }

        if (spec.Dependent.Transform is not (TransformKind.Level or TransformKind.Log) || spec.Dependent.Lag != 0)
        {
            throw new InvalidSpecException($"Fit {fitId} has dependent {spec.Dependent.Name}: prediction needs a dependent in levels or logs, unlagged.");
        }
    }

    private static PredictionJob JobOf(FitOutcome fit, DesignSpec spec, PredictionModel model, PredictionRequestSpec request) =>
        new(spec, PredictionTerms.From(model, request.Level), request.From, request.To, request.IncludeObserved, request.Level,
            request.Store, $"estimated from fit {fit.FitId} ({spec.Dependent.Name} on {string.Join(", ", spec.Regressors.Select(r => r.Name))}; "
            + $"N = {fit.Statistics.Observations}; data versions {string.Join(",", fit.Versions.Select(v => $"{v.Economy}:{v.Version}"))})");

    /// <summary>
    /// Every target economy predicts its own years. An economy the request names that the fit did not use is predicted
    /// in every year, its observed values beside (an out-of-sample check); the fit's own economies, and every economy by
    /// default, only where the dependent is missing.
    /// </summary>
    private Task<EconomyPredictions[]> PredictAllAsync(PredictionJob job, DesignSpec spec, PredictionRequestSpec request, CancellationToken cancellationToken)
    {
        var sample = new HashSet<string>(spec.Economies, StringComparer.Ordinal);
        PredictionJob outside = job with { IncludeObserved = true };
        return Task.WhenAll(request.Economies.Select(e =>
            grains.EconomyExtrapolation(e).Predict(request.Named && !sample.Contains(e) ? outside : job, cancellationToken).AsTask()));
    }

    private async Task<PredictionModel> ModelOf(FitOutcome fit, BiasCorrection correction, CancellationToken cancellationToken)
    {
        FitStatistics s = fit.Statistics;
        if (fit.Spec.Estimator == EstimatorKind.Ppml)
        {
            return new PredictionModel(s.Coefficients, s.Covariance, double.NaN, double.PositiveInfinity, ResponseScale.PoissonMean);
        }

        var model = new PredictionModel(s.Coefficients, s.Covariance, s.Sigma, s.ResidualDf,
            fit.Spec.Dependent.Transform == TransformKind.Log ? ResponseScale.Log : ResponseScale.Level, correction);
        if (model.Scale != ResponseScale.Log || correction != BiasCorrection.Smearing)
        {
            return model;
        }

        double factor = await SmearingFactors.OfAsync(grains, fit, cancellationToken);
        return model with { SmearingFactor = factor };
    }
}
