using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// A fitted model as a scenario evaluates it: the prediction model (coefficients, covariance, σ, scale, bias
/// correction) shared with Predict, and for each coefficient the driver and transform that make its regressor
/// (<see cref="Terms"/>: driver index, or −1 for the intercept). <see cref="WeightDriver"/> (−1: none) multiplies the
/// response by a driver's level, e.g. a share model's trade: the projected value is then share × trade.
/// </summary>
public sealed record ScenarioModel(PredictionModel Prediction, int[] Terms, DriverTransform[] Transforms, int Drivers, int WeightDriver = -1)
{
    public int Parameters => Prediction.Parameters;

    /// <summary>Refuses terms that do not match the coefficients.</summary>
    public void Validate()
    {
        if (Terms.Length != Prediction.Parameters || Transforms.Length != Terms.Length)
        {
            throw new ArgumentException($"{Terms.Length} terms and {Transforms.Length} transforms for {Prediction.Parameters} coefficients.");
        }

        foreach (int t in Terms.Append(WeightDriver))
        {
            if (t < -1 || t >= Drivers)
            {
                throw new ArgumentException($"Term driver {t} outside [−1, {Drivers}).");
            }
        }
    }
}
