using TradeGrid.Domain;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// An economy's own fixed effect, recovered from its rows of the fit and the fitted slopes, as R's fixef() gives it
/// for a one-way (economy) model: OLS within, α_i = mean over the economy's rows of (y − x'b) (the first-order
/// condition of α_i in least squares); PPML with absorbed economy effects, α_i = ln(Σ y / Σ exp(x'b)) (the score of α_i
/// in the Poisson likelihood set to zero). With year effects as well (a two-way fit), the row's year effect λ_t
/// (<see cref="YearEffects"/>) is an offset: α_i = mean over the economy's rows of (y − x'b − λ_t), which with the
/// first sample year as the reference is R's intercept plus the economy's dummy in lm(y ~ x + economy + year); for PPML
/// α_i = ln(Σ y / Σ exp(x'b + λ_t)) (<see cref="PoissonYearEffects"/> finds the λ_t that go with it).
/// </summary>
public static class EconomyEffect
{
    public static double Linear(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<double> beta) => Linear(x, y, beta, []);

    /// <summary>α_i with a known offset per row (the row's year effect); an empty <paramref name="offsets"/> is none.</summary>
    public static double Linear(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<double> beta, ReadOnlySpan<double> offsets)
    {
        int n = Rows(x, y);
        if (offsets.Length != 0 && offsets.Length != n)
        {
            throw new ArgumentException($"{offsets.Length} offsets for {n} rows.", nameof(offsets));
        }

        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += y[i] - Fitted(x, i, beta) - (offsets.Length == 0 ? 0.0 : offsets[i]);
        }

        return sum / n;
    }

    public static double Poisson(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<double> beta) => Poisson(x, y, beta, []);

    /// <summary>
    /// α_i = ln(Σ y / Σ exp(x'b + λ_t)) with a known offset per row (the row's year effect; an empty
    /// <paramref name="offsets"/> is none). A −∞ offset (a year whose dependent is 0 in every economy) adds nothing to
    /// the sum, as the fit drops that year's rows as separated.
    /// </summary>
    public static double Poisson(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<double> beta, ReadOnlySpan<double> offsets)
    {
        int n = Rows(x, y);
        if (offsets.Length != 0 && offsets.Length != n)
        {
            throw new ArgumentException($"{offsets.Length} offsets for {n} rows.", nameof(offsets));
        }

        double sy = 0.0, sm = 0.0;
        for (int i = 0; i < n; i++)
        {
            sy += y[i];
            sm += Math.Exp(Fitted(x, i, beta) + (offsets.Length == 0 ? 0.0 : offsets[i]));
        }

        return sy > 0.0
            ? Math.Log(sy / sm)
            : throw new InsufficientDataException("Every value of the dependent is 0 for this economy: its Poisson effect is −∞ (the economy was separated); leave it out.");
    }

    private static int Rows(double[,] x, ReadOnlySpan<double> y) => y.Length > 0 && x.GetLength(0) == y.Length
        ? y.Length
        : throw new InsufficientDataException("The economy has no rows in the fit: a fixed-effects model has no effect of its own for it.");

    private static double Fitted(double[,] x, int i, ReadOnlySpan<double> beta)
    {
        double f = 0.0;
        for (int j = 0; j < beta.Length; j++)
        {
            f += x[i, j] * beta[j];
        }

        return f;
    }
}
