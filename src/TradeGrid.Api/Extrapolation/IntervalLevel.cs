using TradeGrid.Numerics;

namespace TradeGrid.Api.Extrapolation;

/// <summary>An interval level from a request: 0 means 0.95; anything outside (0, 1) is refused.</summary>
public static class IntervalLevel
{
    public static double Resolve(double level, string field)
    {
        double resolved = level == 0.0 ? 0.95 : level;
        return resolved > 0.0 && resolved < 1.0
            ? resolved
            : throw new InvalidSpecException($"{field}: {level} must lie strictly between 0 and 1, e.g. 0.95 (0 means 0.95)");
    }
}
