namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// How a prediction on the log scale is returned to the level (the mean of a log-normal, not its median); for a logit
/// model, <see cref="Normal"/> gives the mean share under normal errors and the others the median share.
/// </summary>
public enum BiasCorrection
{
    /// <summary>Duan's smearing: exp(x'b) · mean(exp(residuals)); needs no normality.</summary>
    Smearing,

    /// <summary>exp(x'b + σ²/2): the mean of a log-normal under normal errors (logit: E[inverse logit(x'b + ε)]).</summary>
    Normal,

    /// <summary>exp(x'b): the median, no correction.</summary>
    None,
}
