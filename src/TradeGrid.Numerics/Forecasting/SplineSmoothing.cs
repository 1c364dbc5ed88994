namespace TradeGrid.Numerics.Forecasting;

/// <summary>How <see cref="SplineForecaster"/> chooses the spline's smoothing (R's splinef argument <c>method</c>).</summary>
public enum SplineSmoothing
{
    /// <summary>R's default, method = "gcv": β from smooth.spline's generalised cross-validation λ, β = max(10⁻⁷, λ(n − 1)³/n³).</summary>
    CrossValidation,

    /// <summary>method = "mle": β maximising the state space model's likelihood over the last 100 points at most.</summary>
    Likelihood,
}
