using TradeGrid.Domain;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// A driver's forecast error over the projected years of one economy, as the sum of independent innovations:
/// e_h = Σ_{i≤h} c_i·u_i with c_i = √(σ_i² − σ_{i−1}²), where σ_h is the forecast's standard error h years after the
/// first projected year's origin (from its interval) and u_i are standard normal draws, or (bootstrap) draws from the
/// driver's own standardised year-on-year changes. Every year's error then has exactly the forecast's variance σ_h²,
/// and errors of successive years are positively correlated as those of an integrated series: this is R's
/// simulate() for a random walk (ARIMA(0,1,0)) and matches ETS and ARIMA forecasts in each year's variance (their
/// analytic intervals), not in the correlation between years.
/// </summary>
public sealed record DriverErrorModel(double[] Increments, double[] Residuals)
{
    /// <summary>The model from the forecast's standard error in each projected year (non-decreasing variances are not required: a shrinking σ adds no innovation).</summary>
    public static DriverErrorModel FromSigmas(ReadOnlySpan<double> sigmas, double[]? standardisedResiduals)
    {
        var c = new double[sigmas.Length];
        double previous = 0.0;
        for (int h = 0; h < sigmas.Length; h++)
        {
            double s2 = sigmas[h] * sigmas[h];
            if (!double.IsFinite(s2))
            {
                throw new InsufficientDataException($"The driver's forecast has no finite interval {h + 1} years ahead; hold it constant or give its path.");
            }

            c[h] = Math.Sqrt(Math.Max(s2 - previous, 0.0));
            previous = Math.Max(previous, s2);
        }

        return new DriverErrorModel(c, standardisedResiduals ?? []);
    }

    /// <summary>Standardised year-on-year changes of a series (mean 0, SD 1 with n − 1), for the bootstrap; empty when fewer than 3 changes.</summary>
    public static double[] StandardisedChanges(ReadOnlySpan<double> values)
    {
        int n = values.Length - 1;
        if (n < 3)
        {
            return [];
        }

        var d = new double[n];
        double mean = 0.0;
        for (int i = 0; i < n; i++)
        {
            d[i] = values[i + 1] - values[i];
            mean += d[i];
        }

        mean /= n;
        double ss = 0.0;
        for (int i = 0; i < n; i++)
        {
            ss += (d[i] - mean) * (d[i] - mean);
        }

        double sd = Math.Sqrt(ss / (n - 1));
        for (int i = 0; i < n; i++)
        {
            d[i] = sd > 0.0 ? (d[i] - mean) / sd : 0.0;
        }

        return d;
    }
}
