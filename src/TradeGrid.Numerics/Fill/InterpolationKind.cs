namespace TradeGrid.Numerics.Fill;

/// <summary>Interpolation between two known points (a, x_a) and (b, x_b), with f = (t − a)/(b − a).</summary>
public enum InterpolationKind
{
    /// <summary>x_t = x_a + (x_b − x_a) · f.</summary>
    Linear = 0,

    /// <summary>x_t = x_a · (x_b / x_a)^f: constant growth; both known values must be positive.</summary>
    LogLinear = 1,
}
