using System.Text.Json;

namespace TradeGrid.Numerics.Tests.Support;

/// <summary>Reads a JSON fixture written by a reference script (R or Python) committed beside it in fixtures/.</summary>
public static class Fixture
{
    public static JsonElement Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".json");
        using FileStream stream = File.OpenRead(path);
        using JsonDocument document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement element) =>
        element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    public static double[,] Matrix(this JsonElement rows)
    {
        double[][] r = rows.EnumerateArray().Select(Doubles).ToArray();
        var m = new double[r.Length, r.Length == 0 ? 0 : r[0].Length];
        for (int i = 0; i < r.Length; i++)
        {
            for (int j = 0; j < r[i].Length; j++)
            {
                m[i, j] = r[i][j];
            }
        }
        return m;
    }

    public static string[] Strings(this JsonElement element) =>
        element.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
}
