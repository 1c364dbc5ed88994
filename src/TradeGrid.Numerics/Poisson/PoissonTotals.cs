namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// The sample-wide sums a PPML fit reports besides its coefficients: rows, entity effects, separated rows, deviance,
/// log-likelihood, and the centred moments of y and μ behind the pseudo R².
/// </summary>
internal sealed record PoissonTotals(
    int Observations,
    int Groups,
    int Separated,
    double Deviance,
    double LogLikelihood,
    double MeanY,
    double MeanMu,
    double Syy,
    double Smm,
    double Sym)
{
    /// <summary>The parts' sums, their centred moments combined by Chan, Golub and LeVeque's pairwise update (no cancellation when means differ).</summary>
    public static PoissonTotals Combine(IReadOnlyList<PoissonScorePart> parts)
    {
        int n = 0;
        int groups = 0;
        int separated = 0;
        double deviance = 0.0;
        double logLik = 0.0;
        double meanY = 0.0;
        double meanMu = 0.0;
        double syy = 0.0;
        double smm = 0.0;
        double sym = 0.0;
        foreach (PoissonScorePart part in parts)
        {
            int m = part.Scores.Observations;
            groups += part.Groups;
            separated += part.SeparatedRows.Length;
            deviance += part.Deviance;
            logLik += part.LogLikelihood;
            if (m == 0)
            {
                continue;
            }

            double total = n + m;
            double dy = part.MeanY - meanY;
            double dm = part.MeanMu - meanMu;
            syy += part.Syy + dy * dy * n * m / total;
            smm += part.Smm + dm * dm * n * m / total;
            sym += part.Sym + dy * dm * n * m / total;
            meanY += dy * m / total;
            meanMu += dm * m / total;
            n += m;
        }

        return new PoissonTotals(n, groups, separated, deviance, logLik, meanY, meanMu, syy, smm, sym);
    }
}
