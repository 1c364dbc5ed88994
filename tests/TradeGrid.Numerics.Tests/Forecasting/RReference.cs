using System.Text.Json;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// fixtures/forecasting/r_reference.json, written by make_fixtures.R beside it: R's forecast package on
/// UNCTAD export series, PWT rgdpna and seeded synthetic series (R and package versions in "meta").
/// </summary>
public static class RReference
{
    private static readonly Lazy<JsonElement[]> _series =
        new(() => Fixture.Load("forecasting/r_reference").GetProperty("series").EnumerateArray().ToArray());

    public static IReadOnlyList<JsonElement> Series => _series.Value;

    public static IEnumerable<object[]> Names(string requiredBlock) =>
        Series.Where(s => s.TryGetProperty(requiredBlock, out _)).Select(s => new object[] { s.GetProperty("name").GetString()! });

    public static JsonElement Get(string name) => Series.Single(s => s.GetProperty("name").GetString() == name);

    public static double[] Y(this JsonElement series) => series.GetProperty("y").Doubles();

    public static int H(this JsonElement series) => series.GetProperty("h").GetInt32();

    public static double[] Levels(this JsonElement series) => series.GetProperty("levels").Doubles();

    /// <summary>Compares point forecasts and every interval bound with one relative tolerance.</summary>
    public static void AssertForecastMatches(JsonElement r, Numerics.Forecasting.ForecastResult actual, double tolerance, string what)
    {
        double[] mean = r.GetProperty("mean").Doubles();
        Assert.Equal(mean.Length, actual.Point.Length);
        for (int j = 0; j < mean.Length; j++)
        {
            AssertClose.Relative(mean[j], actual.Point[j], tolerance, $"{what} point h={j + 1}");
        }
        JsonElement[] lower = r.GetProperty("lower").EnumerateArray().ToArray();
        JsonElement[] upper = r.GetProperty("upper").EnumerateArray().ToArray();
        for (int i = 0; i < lower.Length; i++)
        {
            double[] lo = lower[i].Doubles();
            double[] up = upper[i].Doubles();
            for (int j = 0; j < lo.Length; j++)
            {
                AssertClose.Relative(lo[j], actual.Lower[i][j], tolerance, $"{what} lower[{actual.Levels[i]}] h={j + 1}");
                AssertClose.Relative(up[j], actual.Upper[i][j], tolerance, $"{what} upper[{actual.Levels[i]}] h={j + 1}");
            }
        }
    }
}
