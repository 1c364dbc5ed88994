namespace TradeGrid.Numerics.Extrapolation;

/// <summary>The scale a model's dependent was fitted on; predictions are returned on the level of the series.</summary>
public enum ResponseScale
{
    /// <summary>The dependent as it is.</summary>
    Level,

    /// <summary>ln y: predictions go back by exp with a bias correction (<see cref="BiasCorrection"/>).</summary>
    Log,

    /// <summary>ln(p / (1 − p)) of a share p in (0, 1): predictions go back by the inverse logit and stay in (0, 1).</summary>
    Logit,

    /// <summary>A Poisson (PPML) mean with log link: predictions are exp(x'b).</summary>
    PoissonMean,
}
