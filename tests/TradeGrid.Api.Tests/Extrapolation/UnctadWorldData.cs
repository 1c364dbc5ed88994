using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Extrapolation;

/// <summary>
/// Box 2 on real data, built at test time from ../shared/data: UNCTAD's digitally deliverable services exports (US$
/// millions, with UNCTAD's own world total) and WDI's GDP, exports of goods and services (% of GDP), GDP per capita
/// and internet users. The share of an economy's exports that is digitally deliverable services is the dependent;
/// exports in US$ are the trade it scales by.
/// </summary>
public sealed class UnctadWorldData
{
    public const string Share = "TST_DDS_SHARE";
    public const string Exports = "TST_EXPORTS_USD";
    public const string Gdp = "NY.GDP.MKTP.CD";
    public const string GdpPerCapita = "NY.GDP.PCAP.CD";
    public const string Internet = "IT.NET.USER.ZS";

    /// <summary>UNCTAD's world total of digitally deliverable services exports per year, in US$.</summary>
    public required IReadOnlyDictionary<int, double> WorldTotal { get; init; }

    /// <summary>Economies with at least one share, sorted.</summary>
    public required string[] Covered { get; init; }

    /// <summary>The tidy CSV to import.</summary>
    public required string Csv { get; init; }

    public static UnctadWorldData Build(ISet<string> economies)
    {
        Dictionary<(string, int), double> dds = Read(RepoFiles.Shared("unctad_digitally_deliverable_services_trade.csv"), "UNCTAD_DE_DIG_SERVTRADE_ANN_EXP");
        Dictionary<(string, string, int), double> wdi = ReadWdi(RepoFiles.Shared("wdi_indicators.csv.gz"),
            [Gdp, "NE.EXP.GNFS.ZS", GdpPerCapita, Internet]);
        var csv = new StringBuilder("economy,indicator,year,value\n");
        var covered = new SortedSet<string>(StringComparer.Ordinal);
        foreach (((string e, string indicator, int year), double value) in wdi.OrderBy(k => k.Key))
        {
            if (!economies.Contains(e))
            {
                continue;
            }

            if (indicator != "NE.EXP.GNFS.ZS")
            {
                Append(csv, e, indicator, year, value);
                continue;
            }

            if (!wdi.TryGetValue((e, Gdp, year), out double gdp) || !(value > 0))
            {
                continue;
            }

            double exports = value / 100.0 * gdp;
            Append(csv, e, Exports, year, exports);
            if (e != "WLD" && dds.TryGetValue((e, year), out double d) && d * 1e6 / exports is > 0.0 and < 1.0)
            {
                Append(csv, e, Share, year, d * 1e6 / exports);
                covered.Add(e);
            }
        }

        return new UnctadWorldData
        {
            WorldTotal = dds.Where(k => k.Key.Item1 == "WLD").ToDictionary(k => k.Key.Item2, k => k.Value * 1e6),
            Covered = covered.ToArray(),
            Csv = csv.ToString(),
        };
    }

    private static void Append(StringBuilder csv, string economy, string indicator, int year, double value) =>
        csv.Append(economy).Append(',').Append(indicator).Append(',').Append(year.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');

    private static Dictionary<(string, int), double> Read(string path, string indicator) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .Where(f => f.Length >= 4 && f[1] == indicator && f[3].Length > 0)
            .ToDictionary(f => (f[0], int.Parse(f[2], CultureInfo.InvariantCulture)), f => double.Parse(f[3], CultureInfo.InvariantCulture));

    private static Dictionary<(string, string, int), double> ReadWdi(string path, string[] indicators)
    {
        var wanted = new HashSet<string>(indicators, StringComparer.Ordinal);
        var values = new Dictionary<(string, string, int), double>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            string[] f = line.Split(',');
            if (f.Length >= 4 && wanted.Contains(f[1]) && f[3].Length > 0 && int.Parse(f[2], CultureInfo.InvariantCulture) >= 2005)
            {
                values[(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture))] = double.Parse(f[3], CultureInfo.InvariantCulture);
            }
        }

        return values;
    }
}
