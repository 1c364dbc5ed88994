namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// One prediction. Link-scale numbers are those of the fitted dependent (x'b, its standard error as a mean and as a
/// new observation, the confidence and prediction bounds); response-scale numbers are on the level of the series.
/// <see cref="Gradient"/> is d(response point)/db and <see cref="NewVariance"/> the variance of a new observation
/// around its mean on the response scale (delta method): together they propagate uncertainty into sums.
/// Prediction bounds are NaN for a Poisson mean (no distribution of a new observation is assumed).
/// </summary>
public sealed record Prediction(
    double Link,
    double LinkSeMean,
    double LinkSeNew,
    double LinkMeanLower,
    double LinkMeanUpper,
    double LinkLower,
    double LinkUpper,
    double Point,
    double SeMean,
    double SeNew,
    double MeanLower,
    double MeanUpper,
    double Lower,
    double Upper,
    double[] Gradient,
    double NewVariance);
