namespace TradeGrid.Numerics.Scenarios;

/// <summary>What a random stream is for: each purpose has its own streams, so switching one source of noise on or off leaves the others' draws unchanged.</summary>
public enum StreamPurpose : ulong
{
    /// <summary>The coefficient draw of a path (key 0: shared by every economy).</summary>
    Coefficients = 1,

    /// <summary>Driver forecast errors (key: the economy, or 0 with common shocks).</summary>
    Drivers = 2,

    /// <summary>Residual noise of the model (key: the economy).</summary>
    Residuals = 3,
}
