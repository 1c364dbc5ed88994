using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// The coordinator's side of an OLS / fixed-effects fit: round 1 gathers each economy's QR factor and combines them
/// (tall-skinny QR), the solve gives the coefficients, round 2 gathers each economy's whitened scores for a robust or
/// cluster covariance (one economy = one cluster). The same numerics functions as the single-process fit.
/// </summary>
internal static class LinearFitCoordinator
{
    public static async Task<FitStatistics> RunAsync(IEconomyEstimateGrain[] blocks, BlockRequest request, CancellationToken cancellationToken)
    {
        DesignSpec spec = request.Spec;
        string[] names = spec.ColumnNames();
        var options = new OlsOptions(spec.Covariance.ToNumerics(), spec.ConfidenceLevel, spec.DropCollinear, InterceptColumn: spec.HasIntercept ? 0 : -1);
        PanelSpec? panel = SpecPanels.Linear(spec, request.Years);
        if (panel is { Years.Length: > 0 })
        {
            return await WithYearsAsync(blocks, request, names, options, cancellationToken);
        }

        QrPart?[] parts = await Task.WhenAll(blocks.Select(b => b.LinearPart(request, cancellationToken).AsTask()));
        QrPart total = TallSkinnyQr.Combine(parts.OfType<QrPart>().ToArray());
        ScorePart[] scores = [];
        if (spec.Covariance != CovarianceChoice.Classical)
        {
            ScoreBasis basis = panel is null ? Ols.Solve(total, names, options) : FixedEffects.Solve(total, names, panel, options);
            // A cluster covariance needs each economy's score sum only; HC needs the per-row meat summed in each economy.
            bool meat = !spec.Covariance.IsCluster();
            ScorePart?[] gathered = await Task.WhenAll(blocks.Select(b => b.LinearScores(request, basis, meat, cancellationToken).AsTask()));
            scores = gathered.OfType<ScorePart>().ToArray();
        }

        OlsFit fit = panel is null ? Ols.Finish(total, scores, names, options) : FixedEffects.Finish(total, scores, names, panel, options);
        return FitStatistics.From(fit);
    }

    /// <summary>
    /// Fixed effects with year effects: round 1 gathers the moments of each economy's entity-demeaned columns, the
    /// coordinator solves one year projection Γ; round 2 gathers the QR factors of the rows with Γ projected out (the
    /// slopes and response alone, not a column per year); round 3 the scores. <see cref="FixedEffectsRounds"/>.
    /// </summary>
    private static async Task<FitStatistics> WithYearsAsync(IEconomyEstimateGrain[] blocks, BlockRequest request, string[] names, OlsOptions options, CancellationToken cancellationToken)
    {
        YearMoments?[] moments = await Task.WhenAll(blocks.Select(b => b.LinearYearMoments(request, cancellationToken).AsTask()));
        YearMoments sum = YearMoments.Sum(moments.OfType<YearMoments>().ToArray());
        (double[] gamma, int years) = FixedEffectsRounds.Projection(sum, options.CollinearityTolerance);
        QrPart?[] parts = await Task.WhenAll(blocks.Select(b => b.LinearAbsorbedPart(request, gamma, cancellationToken).AsTask()));
        QrPart total = TallSkinnyQr.Combine(parts.OfType<QrPart>().ToArray());
        ScorePart[] scores = [];
        if (request.Spec.Covariance != CovarianceChoice.Classical)
        {
            ScoreBasis basis = FixedEffectsRounds.Solve(total, names, options, sum);
            bool meat = !request.Spec.Covariance.IsCluster();
            ScorePart?[] gathered = await Task.WhenAll(blocks.Select(b => b.LinearAbsorbedScores(request, gamma, basis, meat, cancellationToken).AsTask()));
            scores = gathered.OfType<ScorePart>().ToArray();
        }

        return FitStatistics.From(FixedEffectsRounds.Finish(total, scores, names, options, years, sum));
    }
}
