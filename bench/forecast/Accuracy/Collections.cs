using System.Globalization;
using System.IO.Compression;

namespace TradeGrid.Bench.Forecast.Accuracy;

/// <summary>
/// The collections, each split by time with rules fixed before any method was scored on them:
/// pwt — PWT 9.1 (the embedded default dataset) rgdpna, pop, emp, cgdpo, csh_x; fit on the run of consecutive
/// years up to 2011 that starts in 1970 or later, score 2012–2017;
/// unctad — UNCTAD digitally deliverable services exports and imports; fit 2010–2017, score 2018–2023;
/// wdi — WDI GDP (current US$), trade (% of GDP), internet users (% of population), fixed broadband (per 100);
/// fit on the consecutive years up to 2016 from 1970 or later, score 2017–2022 (scored once as the held-back
/// collection of an earlier choice of default; a validation collection since).
/// Held back, defined and committed before any method was run on them (their scores are read once, after the
/// default has been chosen on pwt, unctad and wdi):
/// wdi2 — WDI indicators not in wdi: population (SP.POP.TOTL), GDP per capita PPP (NY.GDP.PCAP.PP.CD), merchandise
/// exports and imports (TX.VAL.MRCH.CD.WT, TM.VAL.MRCH.CD.WT), mobile subscriptions per 100 (IT.CEL.SETS.P2), ICT
/// service exports (BX.GSR.CCIS.CD); fit on the consecutive years up to 2016 from 1970 or later, score 2017–2022;
/// batis — OECD-WTO BaTIS, China's total services exports to and imports from each partner (BATIS_X_S,
/// BATIS_M_S; the partner is the series' economy), fit 2005–2013, score 2014–2019; BaTIS's rest of the world
/// (ROW) and the defunct ANT and SCG are left out with the aggregates.
/// Aggregates (regions, income groups, WLD) are left out; a series is kept when it has at least 8 training years,
/// every test year, and a non-zero MASE scale (a constant training series has none).
/// </summary>
internal static class Collections
{
    public const int Horizon = 6;
    public const int MinimumTrain = 8;

    public static IReadOnlyList<HoldoutCase> Load(string repositoryData, string sharedData, IReadOnlySet<string> wanted)
    {
        HashSet<string> aggregates = Aggregates(Path.Combine(repositoryData, "default", "meta", "economies.csv"));
        var cases = new List<HoldoutCase>();
        if (wanted.Contains("pwt"))
        {
            string[] variables = ["rgdpna", "pop", "emp", "cgdpo", "csh_x"];
            cases.AddRange(Split("pwt", Rows(Path.Combine(repositoryData, "default", "series", "pwt91.csv.gz")), variables, aggregates, 1970, 2011));
        }
        if (wanted.Contains("unctad"))
        {
            string[] indicators = ["UNCTAD_DE_DIG_SERVTRADE_ANN_EXP", "UNCTAD_DE_DIG_SERVTRADE_ANN_IMP"];
            cases.AddRange(Split("unctad", Rows(Path.Combine(sharedData, "unctad_digitally_deliverable_services_trade.csv")), indicators, aggregates, 2010, 2017));
        }
        if (wanted.Contains("wdi"))
        {
            string[] indicators = ["NY.GDP.MKTP.CD", "NE.TRD.GNFS.ZS", "IT.NET.USER.ZS", "IT.NET.BBND.P2"];
            cases.AddRange(Split("wdi", Rows(Path.Combine(sharedData, "wdi_indicators.csv.gz")), indicators, aggregates, 1970, 2016));
        }
        if (wanted.Contains("wdi2"))
        {
            string[] indicators = ["SP.POP.TOTL", "NY.GDP.PCAP.PP.CD", "TX.VAL.MRCH.CD.WT", "TM.VAL.MRCH.CD.WT", "IT.CEL.SETS.P2", "BX.GSR.CCIS.CD"];
            cases.AddRange(Split("wdi2", Rows(Path.Combine(sharedData, "wdi_indicators.csv.gz")), indicators, aggregates, 1970, 2016));
        }
        if (wanted.Contains("batis"))
        {
            string[] indicators = ["BATIS_X_S", "BATIS_M_S"];
            HashSet<string> left = [.. aggregates, "WLD", "ROW", "ANT", "SCG"];
            cases.AddRange(Split("batis", PartnerRows(Path.Combine(sharedData, "batis_chn_services_bilateral.csv.gz")), indicators, left, 2005, 2013));
        }
        return cases;
    }

    private static IEnumerable<HoldoutCase> Split(
        string collection, IEnumerable<(string Economy, string Indicator, int Year, double Value)> rows,
        string[] indicators, HashSet<string> aggregates, int firstYear, int origin)
    {
        var wanted = indicators.ToHashSet(StringComparer.Ordinal);
        var series = new Dictionary<(string, string), SortedDictionary<int, double>>();
        foreach ((string economy, string indicator, int year, double value) in rows)
        {
            if (!wanted.Contains(indicator) || aggregates.Contains(economy) || year < firstYear || year > origin + Horizon || !double.IsFinite(value))
            {
                continue;
            }
            if (!series.TryGetValue((economy, indicator), out SortedDictionary<int, double>? values))
            {
                series[(economy, indicator)] = values = [];
            }
            values[year] = value;
        }
        foreach (((string economy, string indicator), SortedDictionary<int, double> values) in series.OrderBy(s => s.Key.Item2, StringComparer.Ordinal).ThenBy(s => s.Key.Item1, StringComparer.Ordinal))
        {
            if (Enumerable.Range(origin + 1, Horizon).Any(y => !values.ContainsKey(y)))
            {
                continue;
            }
            int start = origin;
            while (values.ContainsKey(start - 1))
            {
                start--;
            }
            if (!values.ContainsKey(origin) || origin - start + 1 < MinimumTrain)
            {
                continue;
            }
            double[] train = Enumerable.Range(start, origin - start + 1).Select(y => values[y]).ToArray();
            double[] test = Enumerable.Range(origin + 1, Horizon).Select(y => values[y]).ToArray();
            var c = new HoldoutCase(collection, indicator, $"{economy}:{indicator}", origin, train, test);
            if (c.Scale > 0.0)
            {
                yield return c;
            }
        }
    }

    /// <summary>economy,indicator,year,value as the first four fields (no quotes in them in any of the files read).</summary>
    private static IEnumerable<(string, string, int, double)> Rows(string path)
    {
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            string[] f = line.Split(',', 5);
            if (f.Length >= 4 && double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                yield return (f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), value);
            }
        }
    }

    /// <summary>economy,partner,indicator,year,value (BaTIS, one reporter): the partner becomes the series' economy.</summary>
    private static IEnumerable<(string, string, int, double)> PartnerRows(string path)
    {
        using Stream file = File.OpenRead(path);
        using var stream = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            string[] f = line.Split(',');
            if (f.Length == 5 && double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                yield return (f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), value);
            }
        }
    }

    /// <summary>Codes marked is_aggregate in the default dataset's economies.csv (names may hold quoted commas).</summary>
    private static HashSet<string> Aggregates(string path)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] fields = SplitCsv(line);
            if (fields.Length >= 5 && fields[4] == "true")
            {
                codes.Add(fields[0]);
            }
        }
        return codes;
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
