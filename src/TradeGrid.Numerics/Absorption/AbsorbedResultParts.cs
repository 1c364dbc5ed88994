namespace TradeGrid.Numerics.Absorption;

/// <summary>The pieces <see cref="AbsorbedResult"/> assembles into an <see cref="AbsorbedFit"/>.</summary>
internal sealed record AbsorbedResultParts(
    string[] Names,
    AbsorbedStep Step,
    AbsorbedCovarianceResult Covariance,
    AbsorbedOptions Options,
    int Observations,
    int Parameters,
    IReadOnlyList<EffectDimension> Effects,
    AbsorbedSample Sample,
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
