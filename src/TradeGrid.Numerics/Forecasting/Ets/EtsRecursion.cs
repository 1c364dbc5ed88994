using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Forecasting.Ets;

/// <summary>
/// The non-seasonal part of forecast's etscalc (src/etscalc.c): one-step forecasts, errors and state updates
/// for additive/damped trend, and the criterion forecast minimises, lik = n·log(Σe²) + 2·Σlog|ŷ| (the last term
/// for multiplicative errors only). The trend update is b_t = φb_{t−1} + (β/α)(l_t − l_{t−1} − φb_{t−1}),
/// written with y rather than e exactly as in C, so rounding follows R's. One departure: Σlog|ŷ| is summed as the
/// logarithm of running products (flushed before they leave 1e±150), not one logarithm per observation, which was
/// a third of the cost of a multiplicative fit; the sum differs from R's by rounding only.
/// </summary>
internal static class EtsRecursion
{
    /// <summary>Running products of |ŷ| are kept within ±150 orders of magnitude so that one more factor cannot overflow.</summary>
    private const double ProductLimit = 1e150;

    /// <summary>Runs the filter; fills errors and one-step forecasts when buffers are given.</summary>
    /// <returns>lik, the mean squared one-step error (R's amse[1]) and the final level and slope.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Lik, double Mse, double Level, double Slope) Run(
        ReadOnlySpan<double> y, EtsCandidate model, double alpha, double beta, double phi, double l0, double b0,
        Span<double> errors, Span<double> oneStep)
    {
        double l = l0;
        double b = model.Trend ? b0 : 0.0;
        double sumSquares = 0.0;
        double sumLogForecast = 0.0;
        double forecastProduct = 1.0;
        double sumSquaredOneStep = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            double oldl = l;
            double oldb = b;
            double f = model.Trend ? oldl + phi * oldb : oldl;
            double e = model.MultiplicativeError ? (y[i] - f) / f : y[i] - f;
            if (!errors.IsEmpty)
            {
                errors[i] = e;
            }
            if (!oneStep.IsEmpty)
            {
                oneStep[i] = f;
            }
            double d = y[i] - f;
            sumSquaredOneStep += d * d;

            double phib = model.Trend ? phi * oldb : 0.0;
            double q = oldl + phib;
            l = q + alpha * (y[i] - q);
            if (model.Trend)
            {
                b = phib + (beta / alpha) * ((l - oldl) - phib);
            }
            sumSquares += e * e;
            if (model.MultiplicativeError)
            {
                double size = Math.Abs(f);
                if (size > 1.0 / ProductLimit && size < ProductLimit)
                {
                    forecastProduct *= size;
                    if (forecastProduct > ProductLimit || forecastProduct < 1.0 / ProductLimit)
                    {
                        sumLogForecast += Math.Log(forecastProduct);
                        forecastProduct = 1.0;
                    }
                }
                else
                {
                    // Zero, infinite, NaN or extreme: its own logarithm, as R takes it.
                    sumLogForecast += Math.Log(size);
                }
            }
        }
        sumLogForecast += Math.Log(forecastProduct);
        double lik = y.Length * Math.Log(sumSquares);
        if (model.MultiplicativeError)
        {
            lik += 2.0 * sumLogForecast;
        }
        return (lik, sumSquaredOneStep / y.Length, l, b);
    }
}
