namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// PPML separation across all sets of effects and regressors: the iterative rectifier of Correia, Guimarães and Zylkin
/// (2021, "Verifying the existence of maximum likelihood estimates for generalized linear models", ppmlhdfe's
/// <c>relu</c> method). Rows with y = 0 start at u = 1, rows with y > 0 at u = 0; each round regresses u on the
/// regressors and the effects by least squares in which the y > 0 rows weigh <see cref="PositiveWeight"/> (so the fit
/// is held at zero there), and sets u to the fit rectified at zero on the y = 0 rows. When no fitted value on any row
/// is below −<see cref="Tolerance"/>, the fit z = Xγ + Dα is a certificate: z ≈ 0 where y > 0 and z ≥ 0 where y = 0,
/// so the rows with z &gt; <see cref="Tolerance"/> are separated (their μ goes to 0 as some parameter goes to ±∞) and
/// are dropped. No separation makes u shrink to zero; the rounds stop there too.
/// </summary>
internal static class PoissonRectifier
{
    public const double PositiveWeight = 1e10;
    public const double Tolerance = 1e-5;
    public const int MaxRounds = 200;

    /// <summary>Indices (into the sample's rows) of the separated rows; empty when none.</summary>
    public static int[] Separated(double[] y, double[][] columns, int[][] ids, int[] groups, double collinearityTolerance)
    {
        int n = y.Length;
        if (!y.Any(v => v == 0.0))
        {
            return [];
        }

        var weights = y.Select(v => v > 0.0 ? PositiveWeight : 1.0).ToArray();
        var u = y.Select(v => v > 0.0 ? 0.0 : 1.0).ToArray();
        EffectProjector? projector = ids.Length > 0 ? new EffectProjector(ids, groups, weights, 1e-10, 20_000) : null;
        double[][] xt = columns.Select(c => (double[])c.Clone()).ToArray();
        string[] names = columns.Select((_, j) => $"x{j}").ToArray();
        // The regressors and the first round's certificate are projected together (in parallel); later rounds project
        // the certificate alone.
        var first = (double[])u.Clone();
        projector?.DemeanColumns([.. xt, first], [.. names, "the separation certificate"]);

        double[] norms = columns.Select(c => AbsorbedSolve.CentredNorm(c, weights)).ToArray();
        var fit = new double[n];
        for (int round = 0; round < MaxRounds; round++)
        {
            double[] ut = first;
            if (round > 0)
            {
                ut = (double[])u.Clone();
                projector?.Demean(ut, "the separation certificate");
            }

            double[] residual = ut;
            if (xt.Length > 0)
            {
                residual = AbsorbedSolve.Solve(xt, ut, weights, norms, names, dropCollinear: true, collinearityTolerance).Residual;
            }

            double lowest = 0.0;
            double highest = 0.0;
            for (int i = 0; i < n; i++)
            {
                fit[i] = u[i] - residual[i];
                lowest = Math.Min(lowest, fit[i]);
                if (y[i] == 0.0)
                {
                    highest = Math.Max(highest, fit[i]);
                }
            }

            if (highest <= Tolerance)
            {
                return [];
            }

            if (lowest >= -Tolerance)
            {
                return Enumerable.Range(0, n).Where(i => y[i] == 0.0 && fit[i] > Tolerance).ToArray();
            }

            for (int i = 0; i < n; i++)
            {
                u[i] = y[i] > 0.0 ? 0.0 : Math.Max(fit[i], 0.0);
            }
        }

        return [];
    }
}
