namespace TradeGrid.Numerics.Regression;

/// <summary>Solution of a least-squares problem from its combined factor, after the rank decisions.</summary>
/// <param name="Retained">Indices of the columns kept, in their original order.</param>
/// <param name="Dropped">Indices of the columns dropped as collinear with earlier ones.</param>
/// <param name="Beta">One coefficient per original column; zero for a dropped column.</param>
/// <param name="Bread">(X'X)⁻¹ over the retained columns, r×r row-major.</param>
/// <param name="Rss">Residual sum of squares of the retained fit.</param>
/// <param name="Factor">r×r upper-triangular R of the retained columns, row-major.</param>
internal sealed record LeastSquaresSolution(int[] Retained, int[] Dropped, double[] Beta, double[] Bread, double Rss, double[] Factor)
{
    public ScoreBasis Basis => new(Beta, Retained, Factor);
}
