namespace TradeGrid.Numerics.Tests.Support;

/// <summary>Two-sided closeness assertions with the tolerance named at the call site.</summary>
public static class AssertClose
{
    /// <summary>|actual/expected − 1| ≤ tolerance; falls back to absolute when expected is exactly zero.</summary>
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        Assert.False(double.IsNaN(actual), $"{what}: got NaN, expected {expected:R}");
        double error = expected == 0.0 ? Math.Abs(actual) : Math.Abs(actual / expected - 1.0);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E3} > {tolerance:E1})");
    }

    /// <summary>|actual − expected| ≤ tolerance, for references near zero.</summary>
    public static void Absolute(double expected, double actual, double tolerance, string what)
    {
        Assert.False(double.IsNaN(actual), $"{what}: got NaN, expected {expected:R}");
        double error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (absolute error {error:E3} > {tolerance:E1})");
    }
}
