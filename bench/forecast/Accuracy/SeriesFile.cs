using System.Globalization;

namespace TradeGrid.Bench.Forecast.Accuracy;

/// <summary>The cases as one CSV for R: collection,group,id,origin,train,test with values joined by ';' (round-trip precision).</summary>
internal static class SeriesFile
{
    public static void Write(string path, IEnumerable<HoldoutCase> cases)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("collection,group,id,origin,train,test");
        foreach (HoldoutCase c in cases)
        {
            writer.WriteLine($"{c.Collection},{c.Group},{c.Id},{c.Origin},{Join(c.Train)},{Join(c.Test)}");
        }
    }

    public static List<HoldoutCase> Read(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f =>
            new HoldoutCase(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), Split(f[4]), Split(f[5]))).ToList();

    /// <summary>R's forecasts: collection,id,method,values (';'-joined, "NA" when R failed).</summary>
    public static Dictionary<(string Id, string Method), double[]?> ReadForecasts(string path)
    {
        var forecasts = new Dictionary<(string, string), double[]?>();
        foreach (string[] f in File.ReadLines(path).Skip(1).Select(line => line.Split(',')))
        {
            double[] values = f[3].Split(';').Select(v => v == "NA" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            forecasts[($"{f[0]}/{f[1]}", f[2])] = values.All(double.IsFinite) ? values : null;
        }
        return forecasts;
    }

    private static string Join(double[] values) => string.Join(';', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static double[] Split(string joined) => joined.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
