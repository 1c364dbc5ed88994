namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The whitened meats of a cluster covariance: Σ_g u_g u_g' for the first clustering dimension, and for two-way
/// clustering the second and their intersection (V₁ + V₂ − V₁₂); the clusters per dimension; and which sets of effects
/// are nested in a cluster (fixest's fixef.K = "nested": not counted in K).
/// </summary>
internal sealed record ClusterMeats(double[] First, double[]? Second, double[]? Both, EffectCount[] Counts, bool[] Nested);
