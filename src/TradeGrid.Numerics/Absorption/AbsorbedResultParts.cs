namespace TradeGrid.Numerics.Absorption;

/// <summary>The pieces <see cref="AbsorbedResult"/> assembles into an <see cref="AbsorbedFit"/> (<paramref name="Groups"/>: each set's groups in the sample; <paramref name="Used"/>: the input rows used).</summary>
internal sealed record AbsorbedResultParts(
    string[] Names,
    AbsorbedStep Step,
    AbsorbedCovarianceResult Covariance,
    AbsorbedOptions Options,
    int Observations,
    int Parameters,
    string[] EffectNames,
    int[] Groups,
    double DependentMean,
    int[] Used,
    double RSquared,
    double AdjustedRSquared,
    double WithinRSquared,
    double PseudoRSquared,
    double Rss,
    double Sigma,
    double Deviance,
    double LogLikelihood,
    int Iterations,
    int ProjectionIterations,
    FilterCounts Filtered,
    int Separated,
    int SeparatedExample,
    string[] SeparationNotes);
