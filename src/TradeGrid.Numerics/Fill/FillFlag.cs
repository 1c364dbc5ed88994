namespace TradeGrid.Numerics.Fill;

/// <summary>What a value of a <see cref="FilledSeries"/> is, for the series' flags.</summary>
public enum FillFlag
{
    /// <summary>Observed (published) value.</summary>
    Observed = 0,

    /// <summary>Filled between the first and last known years.</summary>
    Interpolated = 1,

    /// <summary>Filled beyond the first or last known year (extrapolated).</summary>
    Estimated = 2,

    /// <summary>Still missing.</summary>
    Missing = 3,
}
