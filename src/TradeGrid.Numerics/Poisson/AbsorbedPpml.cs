using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// One-process PPML with the year effects absorbed (ppmlhdfe's approach: each IRLS step is a weighted least-squares fit
/// of the working variable on the regressors with every effect partialled out under the weights μ). The entity effects
/// stay concentrated in closed form (<see cref="PoissonBlock.Mean"/>); the year coefficients are recovered from the
/// projection (δ = Γ_z − Γ_X·β), so μ, the iterates and the stopping rule are those of <see cref="PoissonIterations"/>
/// with the dummies as columns. One column-major working copy of the design is allocated per fit and reused by every
/// iteration; an iteration allocates O(N) and O(G·T), never another N×K matrix.
/// </summary>
internal static class AbsorbedPpml
{
    public static PoissonFit Fit(PoissonBlock block, IReadOnlyList<string> names, PanelSpec spec, PoissonOptions options, int[] clusterIds)
    {
        if (block.Y.Sum() == 0.0)
        {
            throw new InsufficientDataException("The dependent variable is zero in every row of the sample: PPML cannot fit it; widen the sample.");
        }

        return NewtonPpml.TryFit(block, names, spec, options, clusterIds) ?? ByQr(block, names, spec, options, clusterIds);
    }

    /// <summary>The QR path: every iteration absorbs the effects from a working copy of the design and factors it.</summary>
    internal static PoissonFit ByQr(PoissonBlock block, IReadOnlyList<string> names, PanelSpec spec, PoissonOptions options, int[] clusterIds)
    {
        int n = block.Y.Length;
        int k = block.Width - block.Dummies;
        // The block's dummy column is the year's index less the years without a dummy (the reference year).
        int offset = spec.Years.Length - block.Dummies;
        var absorber = new EffectAbsorber(block.Slot, block.Groups, block.DummyIndex.Select(d => d + offset).ToArray(), spec);
        var columns = new double[k + 1][];
        for (int j = 0; j <= k; j++)
        {
            columns[j] = new double[n];
        }

        double[]? beta = null;
        ScoreBasis basis;
        YearProjection projection;
        int iterations = 0;
        double previous = double.NaN;
        double lastChange = double.NaN;
        bool polish = false;
        while (true)
        {
            iterations++;
            double[] mu = WorkingVariable(block, beta, columns[k], out double deviance);
            block.Slopes(columns);
            projection = absorber.Absorb(columns, mu, options.CollinearityTolerance);
            QrPart qr = RowQr.FactorColumns(columns, mu, absorber.EntityGroups);
            basis = LeastSquares.Solve(qr, names, 0, options.DropCollinear, options.CollinearityTolerance, projection.Norms[..k]).Basis;
            if (basis.Beta.Any(b => !double.IsFinite(b)))
            {
                throw new InsufficientDataException("PPML diverged (non-finite coefficients): a regressor may separate zeros from positives; drop it or rescale.");
            }

            beta = WithYears(basis.Beta, projection, block.Dummies, spec.Years.Length);
            if (polish)
            {
                break;
            }

            if (iterations > 1)
            {
                lastChange = Ppml.Change(previous, deviance);
                polish = lastChange < options.Tolerance;
            }

            if (iterations >= options.MaxIterations && !polish)
            {
                throw new InsufficientDataException(
                    $"PPML did not converge in {iterations} iterations (last relative deviance change {lastChange:G3}); "
                    + "check for regressors that separate zeros from positives, rescale regressors, or raise MaxIterations.");
            }

            previous = deviance;
        }

        // The final round: scores x̂ᵢ(yᵢ − μᵢ) at the returned coefficients, with x̂ demeaned and projected under those μ.
        (_, double[] mean) = block.Mean(beta);
        var e = new double[n];
        for (int i = 0; i < n; i++)
        {
            e[i] = block.Y[i] - mean[i];
        }

        double[][] slopes = columns[..k];
        block.Slopes(slopes);
        absorber.Absorb(slopes, mean, options.CollinearityTolerance);
        RowWriter rows = ColumnRows.Of(slopes);
        List<int[]> groups = LinearModel.IsCluster(options.Covariance) ? Regression.Rows.ByGroup(clusterIds) : [Enumerable.Range(0, n).ToArray()];
        ScorePart[] scores = groups.Count == 1
            ? [RowQr.Scores(n, k, rows, e, basis, meat: true)]
            : RowQr.ByCluster(k, rows, e, groups, basis);
        PoissonScorePart[] parts = groups.Select((g, c) => PoissonSummary.Part(
            scores[c],
            c == 0 ? block.Groups : 0,
            c == 0 ? block.Dropped : [],
            Regression.Rows.Take(block.Y, g),
            Regression.Rows.Take(mean, g))).ToArray();
        return PoissonSummary.Assemble(basis, parts, names.ToArray(), 0, options, iterations, lastChange, projection.YearEffects);
    }

    /// <summary>Writes z = η + (y − μ)/μ into <paramref name="z"/> (η = log μ₀ at the start) and returns μ and the deviance at it.</summary>
    private static double[] WorkingVariable(PoissonBlock block, double[]? beta, double[] z, out double deviance)
    {
        int n = block.Y.Length;
        double[] mu;
        if (beta is null)
        {
            mu = block.StartingMean();
            for (int i = 0; i < n; i++)
            {
                z[i] = Math.Log(mu[i]) + (block.Y[i] - mu[i]) / mu[i];
            }
        }
        else
        {
            (double[] xb, mu) = block.Mean(beta);
            for (int i = 0; i < n; i++)
            {
                z[i] = xb[i] + (block.Y[i] - mu[i]) / mu[i];
            }
        }

        deviance = 0.0;
        for (int i = 0; i < n; i++)
        {
            deviance += PoissonBlock.DevianceTerm(block.Y[i], mu[i]);
        }

        return mu;
    }

    /// <summary>The coefficients in the block's design order (year dummies, then slopes), the dummies' as δ = Γ_z − Γ_X·β.</summary>
    private static double[] WithYears(double[] slopes, YearProjection projection, int dummies, int years)
    {
        int k = slopes.Length;
        int m = k + 1;
        var beta = new double[dummies + k];
        for (int d = 0; d < dummies; d++)
        {
            int t = years - dummies + d;
            double delta = projection.Coefficients[t * m + k];
            for (int j = 0; j < k; j++)
            {
                delta -= projection.Coefficients[t * m + j] * slopes[j];
            }

            beta[d] = delta;
        }

        Array.Copy(slopes, 0, beta, dummies, k);
        return beta;
    }
}
