using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Panel;

/// <summary>
/// One-process fixed-effects fit with the year effects absorbed (<see cref="EffectAbsorber"/>) rather than entered as
/// dummy columns: the same slopes, covariances and degrees of freedom, with a QR of the slopes alone. The working copy
/// of the design is column-major, allocated once; nothing else is O(N·K).
/// </summary>
internal static class AbsorbedFixedEffects
{
    public static OlsFit Fit(double[,] x, double[] y, IReadOnlyList<string> names, int[] entity, int[] year, PanelSpec spec, OlsOptions options, int[]? clusters)
    {
        int n = y.Length;
        int k = x.GetLength(1);
        if (x.GetLength(0) != n || entity.Length != n || year.Length != n)
        {
            throw new ArgumentException($"x has {x.GetLength(0)} rows; y, entity and year must have {n}.", nameof(x));
        }

        options.Validate(k);
        var absorber = new EffectAbsorber(entity, year, spec);
        double[][] columns = ColumnRows.Copy(x, null, 1);
        Array.Copy(y, columns[k], n);
        YearProjection projection = absorber.Absorb(columns, null, options.CollinearityTolerance);
        QrPart total = FixedEffects.WithRawMoments(RowQr.FactorColumns(columns, null, absorber.EntityGroups), y);
        double[] norms = projection.Norms[..k];
        int absorbed = projection.YearEffects;
        if (options.Covariance == CovarianceKind.Classical)
        {
            return LinearModel.Assemble(total, [], names, options, 0, panel: true, absorbed, norms);
        }

        ScoreBasis basis = LeastSquares.Solve(total, names, 0, options.DropCollinear, options.CollinearityTolerance, norms).Basis;
        ScorePart[] parts = LinearModel.IsCluster(options.Covariance)
            ? ClusterScores.FromColumns(columns, clusters ?? entity, basis)
            : [RowQr.Scores(n, k, ColumnRows.Of(columns), Residuals(columns, basis.Beta), basis, meat: true)];
        return LinearModel.Assemble(total, parts, names, options, 0, panel: true, absorbed, norms);
    }

    /// <summary>y − Xβ for column-major columns (X's k columns, then y).</summary>
    internal static double[] Residuals(double[][] columns, double[] beta)
    {
        int k = columns.Length - 1;
        double[] y = columns[k];
        var residuals = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double fitted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += columns[j][i] * beta[j];
            }

            residuals[i] = y[i] - fitted;
        }

        return residuals;
    }
}
