namespace TradeGrid.Numerics.Absorption;

/// <summary>One least-squares step: kept and dropped columns, β (zero for dropped ones), R of the kept columns (row-major) and ỹ − X̃β.</summary>
internal sealed record AbsorbedStep(int[] Kept, int[] Dropped, double[] Beta, double[] Factor, double[] Residual);
