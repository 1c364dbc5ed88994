using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>
/// What an economy grain needs to predict from a fit: the numerics' <see cref="PredictionModel"/>, as it crosses grain calls
/// (enums as their numbers), and the two-sided quantile of the intervals.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PredictionTerms")]
public sealed record PredictionTerms(
    [property: Id(0)] double[] Coefficients,
    [property: Id(1)] double[] Covariance,
    [property: Id(2)] double Sigma,
    [property: Id(3)] double Df,
    [property: Id(4)] int Scale,
    [property: Id(5)] int Correction,
    [property: Id(6)] double SmearingFactor,
    [property: Id(7)] double Critical)
{
    /// <summary>The terms of a model, with the interval quantile at <paramref name="level"/> computed once here rather than in every grain.</summary>
    public static PredictionTerms From(PredictionModel model, double level) =>
        new(model.Coefficients, model.Covariance, model.Sigma, model.Df, (int)model.Scale, (int)model.Correction, model.SmearingFactor,
            Predictor.Critical(model, level));

    public PredictionModel ToModel() => new(Coefficients, Covariance, Sigma, Df, (ResponseScale)Scale, (BiasCorrection)Correction, SmearingFactor);
}
