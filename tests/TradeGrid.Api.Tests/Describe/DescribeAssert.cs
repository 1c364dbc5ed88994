namespace TradeGrid.Api.Tests.Describe;

/// <summary>Two-sided closeness with the tolerance named at the call site.</summary>
public static class DescribeAssert
{
    // The server and the test compute the same formula on the same doubles; only the order of operations may differ.
    public const double SameFormula = 1e-12;

    // A sum over ~180 economies in another order.
    public const double ReorderedSum = 1e-11;

    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        Assert.False(double.IsNaN(actual), $"{what}: got NaN, expected {expected:R}");
        double error = expected == 0.0 ? Math.Abs(actual) : Math.Abs(actual / expected - 1.0);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E3} > {tolerance:E1})");
    }
}
