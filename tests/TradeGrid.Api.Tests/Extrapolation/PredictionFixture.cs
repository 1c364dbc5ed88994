using System.Text.Json;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Extrapolation;

/// <summary>
/// The PWT case of R's prediction fixture (tests/TradeGrid.Numerics.Tests/fixtures/extrapolation/prediction.R):
/// ln rgdpna on ln pop and hc, 2017, fitted on the training economies, predicted for the held-out ones.
/// </summary>
public sealed class PredictionFixture
{
    private PredictionFixture(JsonElement c) => Case = c;

    public JsonElement Case { get; }

    public string[] Train => Case.GetProperty("train_economies").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public string[] Held => Case.GetProperty("economies").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public double[] Doubles(string name) => Case.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public JsonElement Interval(double level) =>
        Case.GetProperty("intervals").EnumerateArray().Single(i => Math.Abs(i.GetProperty("level").GetDouble() - level) < 1e-12);

    public static PredictionFixture Pwt()
    {
        string path = Path.Combine(RepoFiles.Root(), "tests", "TradeGrid.Numerics.Tests", "fixtures", "extrapolation", "prediction.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement c = document.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString()!.StartsWith("PWT", StringComparison.Ordinal));
        return new PredictionFixture(c.Clone());
    }
}
