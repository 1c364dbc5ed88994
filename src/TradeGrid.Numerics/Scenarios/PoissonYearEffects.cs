using System.Globalization;
using TradeGrid.Domain;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The year effects λ_t of a PPML fit with year (or economy and year) fixed effects, recovered at the fitted slopes b as
/// the zero of the Poisson score, as R's glm(y ~ x + factor(year), family = poisson) (and with + economy) has them. The
/// coordinator's loop: each round every economy sends its <see cref="PoissonYearSums"/> at <see cref="Lambda"/>, and
/// <see cref="Add"/> sets λ_t = ln(Σ_i y_it / Σ_i exp(x_it'b + α_i)), the zero of λ_t's score given the α_i.
/// <list type="bullet">
/// <item>Year effects alone (α_i = 0): one round gives the exact zero; every year has its own λ_t (R's intercept plus the
/// year's dummy).</item>
/// <item>Economy and year effects: the economies' α_i = ln(Σ_t y_it / Σ_t exp(x_it'b + λ_t)) (each in its grain) and λ_t
/// alternate (block coordinate ascent of the concave Poisson likelihood) until the largest change of a λ_t in a round
/// is below <see cref="Tolerance"/> on the link scale; <see cref="MaxIterations"/> rounds without it end in
/// <see cref="NoConvergenceException"/>. Only α_i + λ_t is identified: every round's λ is shifted so that the first sample
/// year's λ is 0 (R's treatment contrasts; α_i, recovered from λ, absorbs the shift), so the changes measure the
/// identified part.</item>
/// </list>
/// A year whose dependent is 0 in every economy has λ_t = −∞ (the fit drops its rows as separated): its rows add
/// nothing to any α_i, and it is never the reference. Usage, in one process or a coordinator alike:
/// <code>
/// var rounds = new PoissonYearEffects(years, entityEffects);
/// while (!rounds.Converged) { rounds.Add(economies.Select(e => PoissonYearSums.Of(..., rounds.Lambda, entityEffects)).ToArray()); }
/// YearEffects effects = rounds.Effects;
/// </code>
/// </summary>
public sealed class PoissonYearEffects
{
    /// <summary>The largest change of a λ_t in the last round, on the link scale, below which the rounds stop.</summary>
    public const double DefaultTolerance = 1e-12;

    /// <summary>Rounds before giving up (each is one gather over the economies).</summary>
    public const int DefaultMaxIterations = 1000;

    private readonly int[] _years;
    private readonly bool _entityEffects;
    private double[] _lambda;

    public PoissonYearEffects(int[] years, bool entityEffects, double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Length == 0)
        {
            throw new InsufficientDataException("The fit's sample has no years: no year effect to recover.");
        }

        for (int t = 1; t < years.Length; t++)
        {
            if (years[t] <= years[t - 1])
            {
                throw new ArgumentException($"Years must be sorted and distinct; {years[t]} follows {years[t - 1]}.", nameof(years));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        _years = years;
        _entityEffects = entityEffects;
        _lambda = new double[years.Length];
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    public double Tolerance { get; }

    public int MaxIterations { get; }

    /// <summary>λ for the next round (zeros before the first); a copy.</summary>
    public double[] Lambda => (double[])_lambda.Clone();

    /// <summary>Rounds added so far.</summary>
    public int Iterations { get; private set; }

    /// <summary>The largest |Δλ_t| of the last round (+∞ before the first).</summary>
    public double LastChange { get; private set; } = double.PositiveInfinity;

    public bool Converged { get; private set; }

    /// <summary>One round: the economies' sums at <see cref="Lambda"/>, in the economies' order.</summary>
    public void Add(IReadOnlyList<PoissonYearSums> parts)
    {
        if (Converged)
        {
            throw new InvalidOperationException("The year effects have converged: read Effects.");
        }

        PoissonYearSums total = PoissonYearSums.Sum(parts);
        if (total.SumY.Length != _years.Length)
        {
            throw new ArgumentException($"The parts have {total.SumY.Length} years for {_years.Length} sample years.", nameof(parts));
        }

        var next = new double[_years.Length];
        int reference = -1;
        for (int t = 0; t < next.Length; t++)
        {
            if (total.SumY[t] == 0.0)
            {
                next[t] = double.NegativeInfinity;
                continue;
            }

            next[t] = Math.Log(total.SumY[t] / total.SumMu[t]);
            if (!double.IsFinite(next[t]))
            {
                throw new InsufficientDataException(
                    $"The fitted means of {Year(t)} sum to {Number(total.SumMu[t])} for Σy = {Number(total.SumY[t])}: its Poisson year effect is not finite; check the fit's scale.");
            }

            reference = reference < 0 ? t : reference;
        }

        if (reference < 0)
        {
            throw new InsufficientDataException("Every value of the dependent is 0: a PPML fit has no year effects to recover.");
        }

        if (_entityEffects)
        {
            // Only α_i + λ_t is identified: the first year with a positive total is the reference (R's treatment contrasts).
            double shift = next[reference];
            for (int t = 0; t < next.Length; t++)
            {
                next[t] -= shift;
            }
        }

        double change = 0.0;
        for (int t = 0; t < next.Length; t++)
        {
            double d = double.IsNegativeInfinity(next[t]) && double.IsNegativeInfinity(_lambda[t]) ? 0.0 : Math.Abs(next[t] - _lambda[t]);
            change = Math.Max(change, d);
        }

        Iterations++;
        LastChange = change;
        _lambda = next;
        // Without economy effects the round's λ is the exact zero of the score (α_i = 0 does not depend on λ).
        Converged = !_entityEffects || change < Tolerance;
        if (!Converged && Iterations >= MaxIterations)
        {
            throw new NoConvergenceException(
                $"The PPML fit's year effects did not converge in {MaxIterations} rounds: the largest change of a year effect in the last round was "
                + $"{Number(change)} on the link scale, above the tolerance {Number(Tolerance)}; the economy and year effects are too weakly connected "
                + "(few economies share years): fit PPML with economy effects or year effects alone.");
        }
    }

    /// <summary>The converged λ_t for the sample years; refused when the last sample year, whose effect projected years hold, is separated.</summary>
    public YearEffects Effects
    {
        get
        {
            if (!Converged)
            {
                throw new InvalidOperationException($"The year effects have not converged ({Iterations} rounds so far).");
            }

            if (double.IsNegativeInfinity(_lambda[^1]))
            {
                throw new InsufficientDataException(
                    $"The dependent is 0 in every economy in {Year(_lambda.Length - 1)}, the fit's last sample year: its Poisson year effect is −∞, and the "
                    + "projected years hold the last year's effect; fit the model on years to the last one with a positive value.");
            }

            return new YearEffects(_years, (double[])_lambda.Clone());
        }
    }

    /// <summary>How the effects were found, for a result's effects rule.</summary>
    public string Description => _entityEffects
        ? $"PPML economy and year effects from alternating score rounds ({Iterations.ToString(CultureInfo.InvariantCulture)} rounds, last largest change "
          + $"{Number(LastChange)} < {Number(Tolerance)} on the link scale), λ = 0 in the first sample year"
        : "PPML year effects λ_t = ln(Σy / Σexp(x'b)) over each year's rows";

    private string Year(int t) => _years[t].ToString(CultureInfo.InvariantCulture);

    private static string Number(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
