using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// A block's rows prepared once for the normal-equation PPML rounds (entities whose y is all zero dropped, rows grouped by
/// entity), to be kept by the block between rounds: <see cref="Step"/> per iteration, then <see cref="Step"/> at the
/// converged θ for the year projection, <see cref="Final"/> and, for HC covariances, <see cref="Meat"/>. Each returns a
/// small summary (<see cref="PoissonNewtonIterations"/> runs the coordinator's side). Needs entity effects; entities
/// must not span blocks.
/// </summary>
public sealed class PoissonRows
{
    private readonly PoissonBlock _block;
    private readonly GroupedRows _rows;

    private PoissonRows(PoissonBlock block)
    {
        _block = block;
        _rows = GroupedRows.Of(block);
    }

    /// <summary>Rows kept (after dropping entities whose y is all zero).</summary>
    public int Rows => _block.Y.Length;

    public static PoissonRows Prepare(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.EntityEffects)
        {
            throw new ArgumentException("The normal-equation rounds concentrate entity effects out: the spec needs them.", nameof(spec));
        }

        return new PoissonRows(new PoissonBlock(x, y, entity, year, spec));
    }

    /// <summary>The block's share of the step's normal equations at θ (year dummies, then slopes; null: the start μ₀).</summary>
    public NewtonPart Step(double[]? theta)
    {
        CheckTheta(theta);
        var systems = new NewtonSystem[_rows.Chunks.Length - 1];
        for (int c = 0; c < systems.Length; c++)
        {
            systems[c] = NewtonStep.Chunk(_rows, theta, c);
        }

        return NewtonSystem.Sum(systems).ToPart(_block.Y.Sum());
    }

    /// <summary>The final round's part at θ with the coordinator's year projection Γ (q × k).</summary>
    public PoissonFinalPart Final(double[] theta, double[] gamma)
    {
        (QrPart qr, double[] scores, double[] mu) = Absorbed(theta, gamma);
        int k = _rows.K;
        var sum = new double[k];
        for (int i = 0; i < _rows.Rows; i++)
        {
            for (int j = 0; j < k; j++)
            {
                sum[j] += scores[i * k + j];
            }
        }

        PoissonTotals totals = PoissonSummary.Totals(_block.Groups, _block.Dropped.Length, _block.Y, mu);
        var summary = new PoissonScorePart(new ScorePart(_block.Y.Length, sum, [], 0.0), totals.Groups, _block.Dropped, totals.Deviance,
            totals.LogLikelihood, totals.MeanY, totals.MeanMu, totals.Syy, totals.Smm, totals.Sym);
        return new PoissonFinalPart(qr, summary);
    }

    /// <summary>The block's HC meat Σ uu' of whitened scores u = R⁻ᵀx̃(y − μ), given the coordinator's basis.</summary>
    public ScorePart Meat(double[] theta, double[] gamma, ScoreBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        (_, double[] scores, _) = Absorbed(theta, gamma);
        return GroupedFinalRound.ScoreParts(_rows, scores, basis, CovarianceKind.Hc0, [])[0];
    }

    private (QrPart Qr, double[] Scores, double[] Mu) Absorbed(double[] theta, double[] gamma)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(gamma);
        CheckTheta(theta);
        if (gamma.Length != _rows.Q * _rows.K)
        {
            throw new ArgumentException($"gamma has {gamma.Length} entries for {_rows.Q} year dummies × {_rows.K} slopes.", nameof(gamma));
        }

        (_, GroupMoments moments) = GroupedFinalRound.Moments(_rows, theta, parallel: false);
        var scores = new double[_rows.Rows * _rows.K];
        QrPart qr = GroupedFinalRound.Factor(_rows, moments, gamma, scores, parallel: false);
        var mu = new double[_rows.Rows];
        for (int i = 0; i < mu.Length; i++)
        {
            mu[_rows.Source[i]] = moments.Mu[i];
        }

        return (qr, scores, mu);
    }

    private void CheckTheta(double[]? theta)
    {
        if (theta is not null && theta.Length != _rows.Q + _rows.K)
        {
            throw new ArgumentException($"theta has {theta.Length} entries for {_rows.Q} year dummies and {_rows.K} slopes.", nameof(theta));
        }
    }
}
