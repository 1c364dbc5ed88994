using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>What an economy grain needs to predict from a fit: the numerics' <see cref="PredictionModel"/>, as it crosses grain calls (enums as their numbers).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PredictionTerms")]
public sealed record PredictionTerms(
    [property: Id(0)] double[] Coefficients,
    [property: Id(1)] double[] Covariance,
    [property: Id(2)] double Sigma,
    [property: Id(3)] double Df,
    [property: Id(4)] int Scale,
    [property: Id(5)] int Correction,
    [property: Id(6)] double SmearingFactor)
{
    public static PredictionTerms From(PredictionModel model) =>
        new(model.Coefficients, model.Covariance, model.Sigma, model.Df, (int)model.Scale, (int)model.Correction, model.SmearingFactor);

    public PredictionModel ToModel() => new(Coefficients, Covariance, Sigma, Df, (ResponseScale)Scale, (BiasCorrection)Correction, SmearingFactor);
}
