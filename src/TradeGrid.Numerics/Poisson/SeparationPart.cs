namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// One block's (or, combined, the sample's) evidence for regressor separation, per design column (year dummies, then
/// slopes). With entity effects the values are deviations from the column's value on the entity's y &gt; 0 rows;
/// without, raw values. A column separates when it is constant on every y &gt; 0 row (PositiveMin = PositiveMax = c)
/// and on the y = 0 rows lies on one side of c, not all on it: then some y = 0 rows are fitted exactly by a
/// coefficient going to ±∞ (Santos Silva and Tenreyro 2010; ppmlhdfe's separation check, single-regressor case).
/// </summary>
/// <param name="PositiveMin">Minimum over y &gt; 0 rows (+∞ when there are none).</param>
/// <param name="PositiveMax">Maximum over y &gt; 0 rows (−∞ when there are none).</param>
/// <param name="ZeroMin">Minimum over y = 0 rows (+∞ when there are none).</param>
/// <param name="ZeroMax">Maximum over y = 0 rows (−∞ when there are none).</param>
public sealed record SeparationPart(double[] PositiveMin, double[] PositiveMax, double[] ZeroMin, double[] ZeroMax);
