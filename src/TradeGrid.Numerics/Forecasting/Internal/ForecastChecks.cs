using TradeGrid.Domain;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>Input checks shared by every forecaster, with messages that say what to change.</summary>
internal static class ForecastChecks
{
    /// <summary>The horizon limit the service documents; longer annual projections are not forecasts.</summary>
    public const int MaximumHorizon = 50;

    public static readonly double[] DefaultLevels = [80.0, 95.0];

    /// <summary>Copies the series after checking it is long enough and has no missing or infinite values.</summary>
    public static double[] Series(ReadOnlySpan<double> y, int minimum, string method)
    {
        if (y.Length < minimum)
        {
            throw new InsufficientDataException(
                $"{method} needs at least {minimum} observations; the series has {y.Length}. Use a longer series or a simpler method (naive needs 2).");
        }
        for (int t = 0; t < y.Length; t++)
        {
            if (!double.IsFinite(y[t]))
            {
                throw new InvalidSpecException(
                    $"y[{t}] is {y[t]}: the series must be complete and finite; fill missing years before forecasting.");
            }
        }
        return y.ToArray();
    }

    public static void Horizon(int horizon)
    {
        if (horizon < 1 || horizon > MaximumHorizon)
        {
            throw new InvalidSpecException($"horizon must be in [1, {MaximumHorizon}]; got {horizon}.");
        }
    }

    public static double[] Levels(IReadOnlyList<double>? levels)
    {
        if (levels is null || levels.Count == 0)
        {
            return (double[])DefaultLevels.Clone();
        }
        var copy = new double[levels.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            if (!(levels[i] > 0.0 && levels[i] < 100.0))
            {
                throw new InvalidSpecException($"levels[{i}] must be a percentage in (0, 100); got {levels[i]}.");
            }
            copy[i] = levels[i];
        }
        return copy;
    }

    /// <summary>Log scales and multiplicative errors need strictly positive data.</summary>
    public static void Positive(ReadOnlySpan<double> y, string what)
    {
        for (int t = 0; t < y.Length; t++)
        {
            if (!(y[t] > 0.0))
            {
                throw new InvalidSpecException(
                    $"{what} needs strictly positive values; y[{t}] = {y[t]}. Use an additive method or forecast without the log option.");
            }
        }
    }
}
