namespace TradeGrid.Numerics.Regression;

/// <summary>Writes one row of a virtual design into <paramref name="target"/> (transformed on the fly, never stored whole).</summary>
internal delegate void RowWriter(int row, Span<double> target);
