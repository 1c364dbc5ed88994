using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Panel;

/// <summary>
/// Linear panel models with entity and/or year fixed effects, mirroring R's plm(model = "within",
/// effect = "individual" | "twoways") with plm's degrees of freedom (N − G − K one-way, N − G − T + 1 − K two-way)
/// and plm's vcovHC(method = "arellano", type = "sss"), whose factor G/(G−1)·(N−1)/(N−K), K = slopes, is Stata's.
/// Each block (an economy's rows) demeans its own rows; the blocks' QR parts combine as for pooled OLS.
/// </summary>
public static class FixedEffects
{
    /// <summary>
    /// Fits in one process. <paramref name="entity"/> and <paramref name="year"/> are per row; cluster covariances
    /// cluster by <paramref name="clusters"/>, or by entity when it is null.
    /// </summary>
    public static OlsFit Fit(double[,] x, double[] y, IReadOnlyList<string> names, int[] entity, int[] year, PanelSpec spec, OlsOptions options, int[]? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(options);
        if (y.Length == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

        if (clusters is not null && clusters.Length != y.Length)
        {
            throw new ArgumentException($"clusters has {clusters.Length} entries for {y.Length} rows.", nameof(clusters));
        }

        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Years.Length > 0)
        {
            // Year effects absorbed, not dummy columns: the QR holds the slopes alone (same fit, see EffectAbsorber).
            return AbsorbedFixedEffects.Fit(x, y, names, entity, year, spec, options, clusters);
        }

        // Build and demean the design once; the scores reuse it (the clusters need not nest the entities here).
        (double[,] design, double[] response, int groups) = Design(x, y, entity, year, spec);
        QrPart total = WithRawMoments(TallSkinnyQr.Local(design, response, default, groups), y);
        if (options.Covariance == CovarianceKind.Classical)
        {
            return Finish(total, [], names, spec, options);
        }

        ScoreBasis basis = Solve(total, names, spec, options);
        double[] residuals = TallSkinnyQr.Residuals(design, response, basis.Beta);
        ScorePart[] parts = LinearModel.IsCluster(options.Covariance)
            ? TallSkinnyQr.ByCluster(design, residuals, Rows.ByGroup(clusters ?? entity), basis)
            : [TallSkinnyQr.ScoresOfResiduals(design, residuals, basis)];
        return Finish(total, parts, names, spec, options);
    }

    /// <summary>Round 1 in a block: build the year dummies, demean within entity, factor. Entities must not span blocks.</summary>
    public static QrPart Local(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec)
    {
        (double[,] design, double[] response, int groups) = Design(x, y, entity, year, spec);
        return WithRawMoments(TallSkinnyQr.Local(design, response, default, groups), y);
    }

    /// <summary>Solves the combined part; the basis covers the year dummies and the slopes, as the blocks' designs do.</summary>
    public static ScoreBasis Solve(QrPart total, IReadOnlyList<string> names, PanelSpec spec, OlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        if (total.Observations == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

        return LeastSquares.Solve(total, spec.DesignNames(names), spec.YearDummies, options.DropCollinear, options.CollinearityTolerance).Basis;
    }

    /// <summary>
    /// Round 2 in a block (one cluster): whitened scores of the transformed rows given the basis; <paramref name="meat"/>
    /// false (enough for cluster covariances) skips the per-row HC meat.
    /// </summary>
    public static ScorePart Scores(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, ScoreBasis basis, bool meat = true)
    {
        (double[,] design, double[] response, _) = Design(x, y, entity, year, spec);
        return TallSkinnyQr.Scores(design, response, basis, meat);
    }

    /// <summary>The fit: slopes only; year effects and entity effects are absorbed and counted in the degrees of freedom.</summary>
    public static OlsFit Finish(QrPart total, IReadOnlyList<ScorePart> scores, IReadOnlyList<string> names, PanelSpec spec, OlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.Validate();
        return LinearModel.Assemble(total, scores, spec.DesignNames(names), options, spec.YearDummies, panel: true);
    }

    /// <summary>The part with the raw response's mean and centred squares (for the overall R² of a fixed-effects fit).</summary>
    internal static QrPart WithRawMoments(QrPart part, double[] y)
    {
        double mean = 0.0;
        double centred = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            double delta = y[i] - mean;
            mean += delta / (i + 1);
            centred += delta * (y[i] - mean);
        }

        return part with { YMean = mean, YCentredSquares = centred };
    }

    private static (double[,] Design, double[] Response, int Groups) Design(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.EntityEffects && spec.Years.Length == 0)
        {
            throw new InvalidSpecException("A fixed-effects model needs entity effects, year effects or both; for neither use pooled OLS.");
        }

        double[,] design = PanelDesign.Build(x, entity, year, spec, y.Length);
        double[] response = (double[])y.Clone();
        int groups = spec.EntityEffects ? WithinTransform.DemeanInPlace(design, response, entity) : 0;
        return (design, response, groups);
    }
}
