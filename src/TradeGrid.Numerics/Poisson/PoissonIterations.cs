using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// The coordinator's side of the IRLS loop (lives in the coordinator, never crosses a grain call):
/// <code>
/// var irls = new PoissonIterations(names, spec, options);
/// while (!irls.Converged) { irls.Add(blocks' Ppml.Local(..., irls.Beta)); }
/// PoissonFit fit = irls.Finish(blocks' Ppml.Scores(..., irls.Basis));
/// </code>
/// It stops one iteration after glm's rule |Δdev|/(|dev| + 0.1) &lt; tolerance holds, so that the weights behind the
/// bread belong to an iterate at rounding distance from the returned β (glm's own vcov lags one iterate behind).
/// </summary>
public sealed class PoissonIterations(IReadOnlyList<string> names, PanelSpec spec, PoissonOptions options)
{
    private ScoreBasis? _basis;
    private double _previous = double.NaN;
    private bool _polish;

    /// <summary>Coefficients to send the blocks for the next iteration; null before the first (blocks start from μ₀).</summary>
    public double[]? Beta => _basis?.Beta;

    /// <summary>The last solve: coefficients and the factor the final round needs.</summary>
    public ScoreBasis Basis => _basis ?? throw new InvalidOperationException("No iteration has been added yet.");

    public bool Converged { get; private set; }
    public int Iterations { get; private set; }

    /// <summary>|Δdeviance|/(|deviance| + 0.1) at the last check; NaN before the second iteration.</summary>
    public double LastChange { get; private set; } = double.NaN;

    /// <summary>Adds one gather's parts (computed at <see cref="Beta"/>) and solves for the next coefficients.</summary>
    public void Add(IReadOnlyList<PoissonPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (Converged)
        {
            throw new InvalidOperationException("The iterations have converged; run the final round (Ppml.Scores) and Finish.");
        }

        Iterations++;
        ScoreBasis next = Ppml.Step(parts, names, spec, options);
        _basis = next;
        if (_polish)
        {
            Converged = true;
            return;
        }

        double deviance = parts.Sum(p => p.Deviance);
        if (Iterations > 1)
        {
            LastChange = Ppml.Change(_previous, deviance);
            _polish = LastChange < options.Tolerance;
        }

        if (Iterations >= options.MaxIterations && !_polish)
        {
            throw new InsufficientDataException(
                $"PPML did not converge in {Iterations} iterations (last relative deviance change {LastChange:G3}); "
                + "check for regressors that separate zeros from positives, rescale regressors, or raise MaxIterations.");
        }

        _previous = deviance;
    }

    /// <summary>The fit from the blocks' final parts (one per cluster for cluster covariances).</summary>
    public PoissonFit Finish(IReadOnlyList<PoissonScorePart> parts)
    {
        if (!Converged)
        {
            throw new InvalidOperationException("Finish needs converged iterations.");
        }

        return Ppml.Finish(Basis, parts, names, spec, options, Iterations, LastChange);
    }
}
