using System.Globalization;
using System.IO.Compression;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// The Advanced Guide's chapter 1 data (../shared/data/gravity_agtpa_manufacturing_1986_2006.csv.gz, tidy
/// economy = exporter, partner = importer) as wide rows, with the effects the book uses.
/// </summary>
public sealed class GravityPanel
{
    private static readonly Lazy<GravityPanel> _all = new(Load);

    private GravityPanel(string[] exporter, string[] importer, int[] year, Dictionary<string, double[]> values)
    {
        Exporter = exporter;
        Importer = importer;
        Year = year;
        Values = values;
    }

    public static GravityPanel All => _all.Value;

    public string[] Exporter { get; }
    public string[] Importer { get; }
    public int[] Year { get; }
    public Dictionary<string, double[]> Values { get; }
    public int Rows => Year.Length;

    public double[] this[string indicator] => Values[indicator];

    /// <summary>The rows where <paramref name="keep"/> holds.</summary>
    public GravityPanel Where(Func<int, bool> keep)
    {
        int[] rows = Enumerable.Range(0, Rows).Where(keep).ToArray();
        return new GravityPanel(
            rows.Select(i => Exporter[i]).ToArray(),
            rows.Select(i => Importer[i]).ToArray(),
            rows.Select(i => Year[i]).ToArray(),
            Values.ToDictionary(kv => kv.Key, kv => rows.Select(i => kv.Value[i]).ToArray()));
    }

    public EffectDimension ExporterYear => new("exporter^year", EffectIds.Interact(Codes(Exporter), Year));
    public EffectDimension ImporterYear => new("importer^year", EffectIds.Interact(Codes(Importer), Year));
    public EffectDimension Pair => new("pair", EffectIds.Interact(Codes(Exporter), Codes(Importer)));
    public EffectDimension SymmetricPair => new("pair_sym", EffectIds.Symmetric(Codes(Exporter), Codes(Importer)));
    public EffectDimension ExporterCluster => new("exporter", Codes(Exporter));
    public EffectDimension ImporterCluster => new("importer", Codes(Importer));

    public double[] Log(string indicator) => Values[indicator].Select(v => Math.Log(v)).ToArray();

    private static int[] Codes(string[] economies) =>
        economies.Select(e => (e[0] << 16) | (e[1] << 8) | e[2]).ToArray();

    private static GravityPanel Load()
    {
        var rows = new Dictionary<(string, string, int), Dictionary<string, double>>();
        using var stream = new GZipStream(File.OpenRead(SharedData.Path("gravity_agtpa_manufacturing_1986_2006.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        string? header = reader.ReadLine();
        Assert.Equal("economy,partner,indicator,year,value", header);
        while (reader.ReadLine() is { } line)
        {
            string[] f = line.Split(',');
            var key = (f[0], f[1], int.Parse(f[3], CultureInfo.InvariantCulture));
            if (!rows.TryGetValue(key, out Dictionary<string, double>? row))
            {
                row = new Dictionary<string, double>(StringComparer.Ordinal);
                rows[key] = row;
            }

            row[f[2]] = double.Parse(f[4], CultureInfo.InvariantCulture);
        }

        var ordered = rows.OrderBy(r => r.Key.Item1, StringComparer.Ordinal).ThenBy(r => r.Key.Item2, StringComparer.Ordinal).ThenBy(r => r.Key.Item3).ToArray();
        string[] indicators = ordered[0].Value.Keys.ToArray();
        return new GravityPanel(
            ordered.Select(r => r.Key.Item1).ToArray(),
            ordered.Select(r => r.Key.Item2).ToArray(),
            ordered.Select(r => r.Key.Item3).ToArray(),
            indicators.ToDictionary(ind => ind, ind => ordered.Select(r => r.Value[ind]).ToArray(), StringComparer.Ordinal));
    }
}
