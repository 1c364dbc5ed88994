using System.Text.Json;

namespace TradeGrid.Api.Tests.Support;

/// <summary>Numbers written by R beside the Numerics tests' fixtures, and the relative comparison used against them.</summary>
public static class RFixture
{
    /// <summary>tests/TradeGrid.Numerics.Tests/fixtures/regression/<paramref name="file"/>, parsed.</summary>
    public static JsonElement Regression(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(
        RepoFiles.Root(), "tests", "TradeGrid.Numerics.Tests", "fixtures", "regression", file))).RootElement;

    public static double[] Doubles(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Two-sided relative agreement |actual/expected − 1| ≤ tolerance.</summary>
    public static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual / expected - 1.0) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative {Math.Abs(actual / expected - 1.0):G3})");
}
