using TradeGrid.Domain;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// forecast::auto.arima's stepwise search for non-seasonal data (forecast 8.20 defaults): d from KPSS
/// (ndiffs), max p and q = min(5, n/3), start (2, 2) or (1, 1) below 10 observations, the four starting
/// models, then neighbours p±1, q±1, (p±1, q±1) and the constant toggled, restarting after every improvement,
/// at most 94 models. A constant means a mean when d = 0 and a drift when d = 1; none with d = 2.
/// The criterion is AICc (AIC for 3 observations or fewer), strict improvement only.
/// </summary>
internal static class AutoArima
{
    private const int MaxModels = 94;

    public static ArimaFit Select(double[] x)
    {
        int n = x.Length;
        if (Kpss.IsConstant(x))
        {
            return ArimaEstimator.Fit(x, 0, 0, 0, constant: true, fixedConstant: x.Average(), arimaWrapper: true)
                ?? throw new InsufficientDataException("arima: the constant series could not be fitted.");
        }
        int maxP = Math.Min(5, n / 3);
        int maxQ = Math.Min(5, n / 3);
        bool useAic = n <= 3;
        int d = Kpss.Differences(x);
        double[] dx = x;
        for (int i = 0; i < d; i++)
        {
            dx = Kpss.Difference(dx);
        }
        if (dx.Length == 0)
        {
            throw new InsufficientDataException($"arima: not enough data to proceed after {d} differences; use a longer series.");
        }
        if (Kpss.IsConstant(dx))
        {
            ArimaFit? special = d == 2
                ? ArimaEstimator.Fit(x, 0, d, 0, constant: false, arimaWrapper: true)
                : ArimaEstimator.Fit(x, 0, d, 0, constant: true, fixedConstant: dx.Average(), arimaWrapper: true);
            return special ?? throw new InsufficientDataException("arima: the series follows a polynomial exactly; use the linear trend method.");
        }

        bool allowDrift = d == 1;
        bool allowMean = d == 0;
        bool constant = allowDrift || allowMean;
        int startP = n < 10 ? 1 : 2;
        int startQ = n < 10 ? 1 : 2;
        int p = Math.Min(startP, maxP);
        int q = Math.Min(startQ, maxQ);

        var tried = new List<(int P, int Q, bool Constant)>();
        // myarima's fit$ic. Comparisons are strict, so a fit whose raw criterion does not beat the best cannot
        // matter whatever its validity; only then is the (lazy) validity check forced.
        double Raw(ArimaFit fit) => useAic ? fit.Aic : fit.Aicc;
        double Ic(ArimaFit? fit) => fit is null ? double.PositiveInfinity : (fit.Ic == double.PositiveInfinity ? fit.Ic : Raw(fit));
        bool Beats(ArimaFit? fit, double bestIc) => fit is not null && Raw(fit) < bestIc && Ic(fit) < bestIc;
        ArimaFit? Try(int pp, int qq, bool c)
        {
            tried.Add((pp, qq, c));
            return ArimaEstimator.Fit(x, pp, d, qq, c);
        }

        ArimaFit? best = Try(p, q, constant);
        double bestIc = Ic(best);
        ArimaFit? fit = Try(0, 0, constant);
        if (Beats(fit, bestIc))
        {
            (best, bestIc, p, q) = (fit, Ic(fit), 0, 0);
        }
        if (maxP > 0)
        {
            fit = Try(1, 0, constant);
            if (Beats(fit, bestIc))
            {
                (best, bestIc, p, q) = (fit, Ic(fit), 1, 0);
            }
        }
        if (maxQ > 0)
        {
            fit = Try(0, 1, constant);
            if (Beats(fit, bestIc))
            {
                (best, bestIc, p, q) = (fit, Ic(fit), 0, 1);
            }
        }
        if (constant)
        {
            fit = Try(0, 0, false);
            if (Beats(fit, bestIc))
            {
                (best, bestIc, p, q) = (fit, Ic(fit), 0, 0);
                // R keeps 'constant' unchanged here; only the fit changes.
            }
        }

        int k = tried.Count;
        int startK = 0;
        while (startK < k && k < MaxModels)
        {
            startK = k;
            bool improved = false;
            (int Dp, int Dq)[] moves = [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)];
            foreach ((int dp, int dq) in moves)
            {
                int np = p + dp;
                int nq = q + dq;
                if (np < 0 || nq < 0 || np > maxP || nq > maxQ || tried.Contains((np, nq, constant)))
                {
                    continue;
                }
                k++;
                if (k > MaxModels)
                {
                    break;
                }
                fit = Try(np, nq, constant);
                if (Beats(fit, bestIc))
                {
                    (best, bestIc, p, q) = (fit, Ic(fit), np, nq);
                    improved = true;
                    break;
                }
            }
            if (improved || k > MaxModels)
            {
                continue;
            }
            if ((allowDrift || allowMean) && !tried.Contains((p, q, !constant)))
            {
                k++;
                if (k > MaxModels)
                {
                    continue;
                }
                fit = Try(p, q, !constant);
                if (Beats(fit, bestIc))
                {
                    (best, bestIc) = (fit, Ic(fit));
                    constant = !constant;
                }
            }
        }

        if (best is null || bestIc == double.PositiveInfinity)
        {
            throw new InsufficientDataException("arima: no suitable ARIMA model found; use a longer series or another method.");
        }
        return best;
    }
}
