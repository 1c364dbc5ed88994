using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// The coordinator's side of the normal-equation PPML over blocks (<see cref="PoissonRows"/>), the split form of
/// <see cref="NewtonPpml"/>:
/// <code>
/// while (!it.Converged &amp;&amp; !it.Failed) it.Add(blocks' Step(it.Theta));
/// double[]? gamma = it.Projection(blocks' Step(it.Theta));            // null: use the QR rounds
/// ScoreBasis? basis = it.Basis(finals = blocks' Final(it.Theta, gamma)); // null: use the QR rounds
/// PoissonFit fit = it.Finish(basis, finals, HC ? blocks' Meat(it.Theta, gamma, basis) : null);
/// </code>
/// The iterates and stopping rule are <see cref="PoissonIterations"/>'s; where that class factors a QR of every block's
/// rows with the year dummies as columns at every iteration, this one sums (q + k)² numbers per block and solves by
/// Cholesky, and only the final round factors the absorbed rows. <see cref="Failed"/> (a pivot within 1e-4 of collinear,
/// no convergence) hands the fit back to <see cref="PoissonIterations"/>, which decides and words such cases. Cluster
/// covariances cluster by block.
/// </summary>
public sealed class PoissonNewtonIterations(IReadOnlyList<string> names, PanelSpec spec, PoissonOptions options)
{
    private double _previous = double.NaN;
    private bool _polish;
    private double[] _norms = [];

    /// <summary>θ (year dummies, then slopes) to send the blocks; null before the first step.</summary>
    public double[]? Theta { get; private set; }

    public bool Converged { get; private set; }

    /// <summary>The rounds cannot decide this fit: run <see cref="PoissonIterations"/> instead.</summary>
    public bool Failed { get; private set; }

    public int Iterations { get; private set; }

    public double LastChange { get; private set; } = double.NaN;

    /// <summary>Adds one gather's parts (computed at <see cref="Theta"/>, in a fixed block order) and takes the step.</summary>
    public void Add(IReadOnlyList<NewtonPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        NewtonSystem total = Total(parts)
            ?? throw new InsufficientDataException("The dependent variable is zero in every row of the sample: PPML cannot fit it; widen the sample.");
        Step(total, parts.Sum(p => p.SumY));
    }

    /// <summary>
    /// One IRLS step from the summed system at <see cref="Theta"/>: solve, move θ, apply glm's stopping rule (then one
    /// polishing step). <see cref="NewtonPpml"/> calls this with its chunks' sum, the split path through <see cref="Add"/>.
    /// </summary>
    internal void Step(NewtonSystem total, double sumY)
    {
        if (Converged || Failed)
        {
            throw new InvalidOperationException("The iterations have ended; check Converged and Failed.");
        }

        if (sumY == 0.0)
        {
            throw new InsufficientDataException("The dependent variable is zero in every row of the sample: PPML cannot fit it; widen the sample.");
        }

        Iterations++;
        double[]? step = total.Solve();
        if (step is null)
        {
            Failed = true;
            return;
        }

        if (Theta is not null)
        {
            for (int j = 0; j < step.Length; j++)
            {
                step[j] += Theta[j];
            }
        }

        Theta = step;
        if (_polish)
        {
            Converged = true;
            return;
        }

        if (Iterations > 1)
        {
            LastChange = Ppml.Change(_previous, total.Deviance);
            _polish = LastChange < options.Tolerance;
        }

        Failed = Iterations >= options.MaxIterations && !_polish;
        _previous = total.Deviance;
    }

    /// <summary>Γ from the blocks' parts at the converged θ; null when the rank rule would drop a year dummy.</summary>
    public double[]? Projection(IReadOnlyList<NewtonPart> parts)
    {
        NewtonSystem total = Total(parts) ?? throw new ArgumentException("No parts.", nameof(parts));
        _norms = total.SlopeNorms();
        return total.YearProjection(options.CollinearityTolerance);
    }

    /// <summary>The final basis from the blocks' final parts: θ's slopes and R of the absorbed design; null when a slope would be dropped.</summary>
    public ScoreBasis? Basis(IReadOnlyList<PoissonFinalPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        double[] theta = Theta ?? throw new InvalidOperationException("No step has been taken.");
        QrPart qr = TallSkinnyQr.Combine(parts.Select(p => p.Qr).ToArray());
        return GroupedFinalRound.Basis(qr, theta, spec.YearDummies, names, options, _norms);
    }

    /// <summary>The fit: cluster covariances whiten each block's score sum; HC ones take the blocks' <paramref name="meat"/>.</summary>
    public PoissonFit Finish(ScoreBasis basis, IReadOnlyList<PoissonFinalPart> parts, IReadOnlyList<ScorePart>? meat)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(parts);
        int k = basis.Retained.Length;
        ScorePart[] scores;
        if (LinearModel.IsCluster(options.Covariance))
        {
            scores = parts.Select(p =>
            {
                double[] sum = (double[])p.Summary.Scores.ScoreSum.Clone();
                Triangular.SolveTransposed(basis.R, k, sum);
                return new ScorePart(p.Summary.Scores.Observations, sum, [], 0.0);
            }).ToArray();
        }
        else
        {
            scores = meat?.ToArray() ?? [new ScorePart(parts.Sum(p => p.Summary.Scores.Observations), new double[k], [], 0.0)];
        }

        PoissonTotals totals = PoissonTotals.Combine(parts.Select(p => p.Summary).ToArray());
        return PoissonSummary.Assemble(basis, scores, totals, names.ToArray(), 0, options, Iterations, LastChange, spec.YearDummies);
    }

    private static NewtonSystem? Total(IReadOnlyList<NewtonPart> parts) =>
        parts.Count == 0 ? null : NewtonSystem.Sum(parts.Select(NewtonSystem.From).ToArray());
}
