namespace TradeGrid.Numerics.Absorption;

/// <summary>The covariance (row-major), the t df, fixest's K, the convention in words and the clusters per dimension.</summary>
internal sealed record AbsorbedCovarianceResult(double[] Covariance, double Df, int K, string Note, EffectCount[] Clusters);
