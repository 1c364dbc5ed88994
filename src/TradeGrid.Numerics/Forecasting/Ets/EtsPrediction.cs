namespace TradeGrid.Numerics.Forecasting.Ets;

/// <summary>
/// Point forecasts and forecast variances of forecast.ets for non-seasonal models, which never simulates
/// for them: class1 (additive error, exact) and class2 (multiplicative error with additive or no trend,
/// the Hyndman et al. (2008) ch. 6 formula). With H = [1 φ], F = [[1 φ], [0 φ]], G = [α β]':
/// μ_h = H F^{h−1} x_n, c_j = H F^{j−1} G, class1 var_h = σ²(1 + Σ_{j&lt;h} c_j²);
/// class2 θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j&lt;h} c_j² θ_{h−j}, var_h = (1 + σ²) θ_h − μ_h².
/// </summary>
internal static class EtsPrediction
{
    public static (double[] Mean, double[] Variance) Forecast(EtsFit fit, int horizon)
    {
        double phi = fit.Model.Damped ? fit.Phi : 1.0;
        var mean = new double[horizon];
        var c = new double[horizon];
        // F^{j} x and H F^{j} G evaluated in closed form: level gains φ+…+φ^j of the slope.
        double phiSum = 0.0;
        double phiPower = 1.0;
        for (int j = 0; j < horizon; j++)
        {
            if (fit.Model.Trend)
            {
                phiPower *= phi;
                phiSum += phiPower;
                mean[j] = fit.LastLevel + phiSum * fit.LastSlope;
                // c_{j+1} = H F^{j} G = α + β(φ + … + φ^{j+1}).
                c[j] = fit.Alpha + fit.Beta * phiSum;
            }
            else
            {
                mean[j] = fit.LastLevel;
                c[j] = fit.Alpha;
            }
        }

        var variance = new double[horizon];
        double sigma2 = fit.Sigma2;
        if (!fit.Model.MultiplicativeError)
        {
            double cumulative = 0.0;
            variance[0] = sigma2;
            for (int h = 1; h < horizon; h++)
            {
                cumulative += c[h - 1] * c[h - 1];
                variance[h] = sigma2 * (1.0 + cumulative);
            }
            return (mean, variance);
        }

        var theta = new double[horizon];
        theta[0] = mean[0] * mean[0];
        for (int h = 1; h < horizon; h++)
        {
            double sum = 0.0;
            for (int j = 1; j <= h; j++)
            {
                sum += c[j - 1] * c[j - 1] * theta[h - j];
            }
            theta[h] = mean[h] * mean[h] + sigma2 * sum;
        }
        for (int h = 0; h < horizon; h++)
        {
            variance[h] = (1.0 + sigma2) * theta[h] - mean[h] * mean[h];
        }
        return (mean, variance);
    }
}
