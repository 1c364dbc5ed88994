using System.Text.Json;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Describe;

/// <summary>Element-wise comparison of series where NaN (null in a fixture) must match NaN.</summary>
internal static class SeriesAssert
{
    public static void Relative(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"{what}[{i}]: expected missing, got {actual[i]:R}");
            }
            else
            {
                AssertClose.Relative(expected[i], actual[i], tolerance, $"{what}[{i}]");
            }
        }
    }

    public static int[] Ints(this JsonElement element) => element.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static bool[] Bools(this JsonElement element) => element.EnumerateArray().Select(e => e.GetBoolean()).ToArray();

    public static double Double(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? double.NaN : element.GetProperty(name).GetDouble();
}
