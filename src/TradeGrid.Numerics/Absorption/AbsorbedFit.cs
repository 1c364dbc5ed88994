using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// A fit with absorbed fixed effects (OLS or PPML), the numbers fixest's summary and etable show. Arrays run over the
/// kept regressors. Statistics that do not apply to the estimator are NaN.
/// </summary>
public sealed record AbsorbedFit
{
    public required string[] Names { get; init; }
    public required double[] Coefficients { get; init; }
    public required double[] StandardErrors { get; init; }
    public required double[] TStatistics { get; init; }

    /// <summary>Two-sided p-values from Student t with <see cref="Df"/> degrees of freedom (fixest's t.df = "min").</summary>
    public required double[] PValues { get; init; }
    public required double[] NormalPValues { get; init; }
    public required double[] ConfidenceLower { get; init; }
    public required double[] ConfidenceUpper { get; init; }
    public required double ConfidenceLevel { get; init; }

    /// <summary>Covariance of the kept coefficients, row-major.</summary>
    public required double[] Covariance { get; init; }
    public required CovarianceKind CovarianceKind { get; init; }

    /// <summary>The small-sample convention applied, in words (e.g. "fixest ssc(): G/(G−1)·(N−1)/(N−K), K = 3 …").</summary>
    public required string SmallSample { get; init; }

    /// <summary>t df: G_min − 1 for clusters, N − K otherwise.</summary>
    public required double Df { get; init; }

    /// <summary>K of (N − 1)/(N − K): kept regressors plus the effects not nested in a cluster (fixest's dof.K).</summary>
    public required int SmallSampleK { get; init; }
    public required int Observations { get; init; }
    public required int Parameters { get; init; }

    /// <summary>Effect parameters counted in fixest's nparams: Σ(Gq − 1) + 1.</summary>
    public required int AbsorbedParameters { get; init; }

    /// <summary>Every absorbed set with its number of groups, in the order given.</summary>
    public required EffectCount[] Effects { get; init; }

    /// <summary>Clusters per clustering dimension (empty without a cluster covariance).</summary>
    public required EffectCount[] Clusters { get; init; }
    public required double RSquared { get; init; }
    public required double AdjustedRSquared { get; init; }
    public required double WithinRSquared { get; init; }
    public required double PseudoRSquared { get; init; }
    public required double DependentMean { get; init; }
    public required double Rss { get; init; }
    public required double Sigma { get; init; }
    public required double Deviance { get; init; }
    public required double LogLikelihood { get; init; }
    public required int Iterations { get; init; }

    /// <summary>The most CG iterations a projection took (0 without effects).</summary>
    public required int ProjectionIterations { get; init; }
    public required string[] DroppedColumns { get; init; }

    /// <summary>Rows dropped as singletons, with an example row index of the input (−1: none).</summary>
    public required int Singletons { get; init; }
    public required int SingletonExample { get; init; }

    /// <summary>PPML: rows dropped as separated (all-zero groups and the rectifier's certificate), with an example.</summary>
    public required int Separated { get; init; }
    public required int SeparatedExample { get; init; }
    public required string[] SeparationNotes { get; init; }

    /// <summary>Input rows used, in order (after singletons and separation).</summary>
    public required int[] Used { get; init; }
}
