using TradeGrid.Domain;

namespace TradeGrid.Numerics.Extrapolation;

/// <summary>The logit and its inverse for shares in (0, 1).</summary>
public static class ShareTransform
{
    /// <summary>ln(p / (1 − p)); refuses p outside (0, 1).</summary>
    public static double Logit(double p) => p > 0.0 && p < 1.0
        ? Math.Log(p / (1.0 - p))
        : throw new InvalidSpecException($"The logit needs a share in (0, 1), got {p}; give shares as fractions (percent / 100) or use another transform.");

    /// <summary>1 / (1 + e^−x), computed without overflow.</summary>
    public static double InverseLogit(double x) => x >= 0.0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));
}
