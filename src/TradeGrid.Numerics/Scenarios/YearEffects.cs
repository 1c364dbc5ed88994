using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The year effects λ_t of a linear fit with year (or economy and year) fixed effects, recovered from the sample's year
/// moments (<see cref="FixedEffectsRounds.Moments"/>, summed over the economies) and the fitted slopes b: the year
/// projection Γ of the fit regresses every entity-demeaned column on the demeaned year dummies, so the residual
/// r = y − Xb has coefficients Γ_y − Γ_X·b (the projection is linear in the column). These are R's lm() year-dummy
/// coefficients: with economy effects the first sample year is the reference (λ = 0) and each economy's own effect
/// (<see cref="EconomyEffect.Linear(double[,], ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>)
/// absorbs the level; with year effects alone every year has its own λ_t, the mean of r over that year's rows. A year
/// the fit dropped as collinear has λ = 0, as its coefficient in the fit.
/// </summary>
/// <param name="Years">The fit's sample years, sorted.</param>
/// <param name="Values">λ_t for each of <paramref name="Years"/>.</param>
public sealed record YearEffects(int[] Years, double[] Values)
{
    /// <summary>The rule for years after the sample, as stated in results: the last estimated year effect is held.</summary>
    public const string HeldRule = "year effects after the sample are held at the last sample year's estimated effect";

    /// <summary>The last sample year, whose effect every projected year takes.</summary>
    public int HeldYear => Years[^1];

    /// <summary>λ of the last sample year: the year effect of every projected year (a no-change forecast of the common shocks).</summary>
    public double Held => Values[^1];

    /// <summary>λ_t of a sample year; NaN for a year outside the sample (no estimate).</summary>
    public double At(int year)
    {
        int t = Array.BinarySearch(Years, year);
        return t >= 0 ? Values[t] : double.NaN;
    }

    /// <summary>
    /// λ_t from the summed moments of every economy's rows (<paramref name="sum"/>: slopes, then the response), the fit's
    /// slopes and the collinearity tolerance the fit used (the same rule drops the same dummies).
    /// </summary>
    public static YearEffects Recover(YearMoments sum, ReadOnlySpan<double> slopes, int[] years, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(sum);
        ArgumentNullException.ThrowIfNull(years);
        int k = slopes.Length;
        int m = sum.Columns;
        if (m != k + 1)
        {
            throw new ArgumentException($"The moments hold {m} columns for {k} slopes and the response.", nameof(sum));
        }

        if (years.Length == 0 || sum.Years > years.Length)
        {
            throw new InsufficientDataException($"The fit's sample has {years.Length} years for {sum.Years} year dummies: no year effect to recover.");
        }

        (double[] gamma, _) = FixedEffectsRounds.Projection(sum, tolerance);
        int first = years.Length - sum.Years;
        var values = new double[years.Length];
        for (int t = 0; t < sum.Years; t++)
        {
            double lambda = gamma[t * m + k];
            for (int j = 0; j < k; j++)
            {
                lambda -= gamma[t * m + j] * slopes[j];
            }

            values[first + t] = lambda;
        }

        return new YearEffects(years, values);
    }

    /// <summary>Each row's year effect, for an economy's rows (<paramref name="rowYears"/>); NaN where the year is outside the sample.</summary>
    public double[] OfRows(ReadOnlySpan<int> rowYears)
    {
        var offsets = new double[rowYears.Length];
        for (int i = 0; i < rowYears.Length; i++)
        {
            offsets[i] = At(rowYears[i]);
        }

        return offsets;
    }
}
