using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Panel;

/// <summary>
/// The split form of <see cref="FixedEffects.Fit"/> with the year effects absorbed, for blocks whose entities do not
/// span one another (an economy, or the pairs of a reporter):
/// <code>
/// YearMoments sum = YearMoments.Sum(blocks' Moments(...));
/// (double[] gamma, int years) = FixedEffectsRounds.Projection(sum, tolerance);
/// QrPart total = TallSkinnyQr.Combine(blocks' Part(..., gamma));
/// ScoreBasis basis = FixedEffectsRounds.Solve(total, names, options, sum);
/// OlsFit fit = FixedEffectsRounds.Finish(total, blocks' Scores(..., gamma, basis, meat), names, options, years, sum);
/// </code>
/// Each block's QR holds its slopes and response alone: the year dummies are projected out with the coordinator's Γ,
/// solved once from every block's moments (<see cref="EffectAbsorber"/> in one process does the same). A block that
/// takes part in all three rounds keeps a <see cref="FixedEffectsBlock"/> between them, so its rows are demeaned once;
/// the functions below make one per call.
/// </summary>
public static class FixedEffectsRounds
{
    /// <summary>Round one: the block's moments of its entity-demeaned slopes and response.</summary>
    public static YearMoments Moments(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec) =>
        new FixedEffectsBlock(x, y, entity, year, spec).Moments;

    /// <summary>Γ (dummies × (k + 1)) from the sample's moments, and the year effects kept (the rank rule may drop some).</summary>
    public static (double[] Gamma, int Years) Projection(YearMoments sum, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(sum);
        return sum.Years == 0 ? ([], 0) : DroppingCholesky.Solve(sum.System, sum.Years, sum.Moments, sum.Columns, tolerance);
    }

    /// <summary>Round two: the QR part of the block's fully absorbed rows (and the raw response's moments, for the overall R²).</summary>
    public static QrPart Part(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, double[] gamma) =>
        new FixedEffectsBlock(x, y, entity, year, spec).Part(gamma);

    /// <summary>The coefficients and factor from the combined part, the rank rule measured against the slopes' norms before the projection.</summary>
    public static ScoreBasis Solve(QrPart total, IReadOnlyList<string> names, OlsOptions options, YearMoments sum)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(options);
        if (total.Observations == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

        return LeastSquares.Solve(total, names, 0, options.DropCollinear, options.CollinearityTolerance, Norms(sum, total.Columns)).Basis;
    }

    /// <summary>Round three: the block's whitened score sum (and HC meat when <paramref name="meat"/>) at the coordinator's basis.</summary>
    public static ScorePart Scores(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, double[] gamma, ScoreBasis basis, bool meat) =>
        new FixedEffectsBlock(x, y, entity, year, spec).Scores(gamma, basis, meat);

    /// <summary>The fit, counting the <paramref name="years"/> kept year effects as the dummies would be counted.</summary>
    public static OlsFit Finish(QrPart total, IReadOnlyList<ScorePart> scores, IReadOnlyList<string> names, OlsOptions options, int years, YearMoments sum)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(options);
        return LinearModel.Assemble(total, scores, names, options, 0, panel: true, years, Norms(sum, total.Columns));
    }

    private static double[] Norms(YearMoments sum, int k)
    {
        ArgumentNullException.ThrowIfNull(sum);
        return sum.SquaredNorms[..k].Select(Math.Sqrt).ToArray();
    }
}
