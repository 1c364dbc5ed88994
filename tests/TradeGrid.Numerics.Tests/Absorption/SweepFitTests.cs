using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Absorption.Sweeps;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// Fits whose rows stay in blocks (<see cref="SweepFit"/>, every pass a gather of per-group sums) against the central
/// fits on the same rows (<see cref="AbsorbedOls"/>, <see cref="AbsorbedPpml"/>), on the Advanced Guide's data split by
/// exporter into one block, seven blocks, or one per exporter: coefficients and standard errors to 1e-9 relative and
/// the same sample (N, separated, singletons, groups per set), whatever the split.
/// </summary>
public sealed class SweepFitTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string model in new[] { "OLS", "PPML", "PAIRFE", "PAIR", "HC", "TWOWAY", "SINGLETONS" })
        {
            foreach (int blocks in new[] { 1, 7, 0 })
            {
                data.Add(model, blocks);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Blocks_give_the_central_fit(string model, int split)
    {
        Case c = Build(model);
        AbsorbedFit central = c.Ppml
            ? AbsorbedPpml.Fit(c.Y, c.X, c.Names, c.Effects, c.Options)
            : AbsorbedOls.Fit(c.Y, c.X, c.Names, c.Effects, c.Options);

        (ISweepBlocks blocks, SweepModel sweep) = Split(c, split);
        SweepFitResult result = c.Ppml ? await SweepFit.PpmlAsync(blocks, sweep, default) : await SweepFit.OlsAsync(blocks, sweep, default);
        AbsorbedFit fit = result.Fit;

        Assert.Equal(central.Names, fit.Names);
        Assert.Equal(central.Observations, fit.Observations);
        Assert.Equal(central.Separated, fit.Separated);
        Assert.Equal(central.Singletons, fit.Singletons);
        Assert.Equal(central.Effects.Select(e => e.Groups), fit.Effects.Select(e => e.Groups));
        Assert.Equal(central.Clusters.Select(e => e.Groups), fit.Clusters.Select(e => e.Groups));
        Assert.Equal(central.SmallSample, fit.SmallSample);
        for (int j = 0; j < central.Names.Length; j++)
        {
            Close(central.Coefficients[j], fit.Coefficients[j], $"{model} β {central.Names[j]}");
            Close(central.StandardErrors[j], fit.StandardErrors[j], $"{model} SE {central.Names[j]}");
        }

        Close(c.Ppml ? central.Deviance : central.Rss, c.Ppml ? fit.Deviance : fit.Rss, "deviance or RSS");
        Close(c.Ppml ? central.PseudoRSquared : central.WithinRSquared, c.Ppml ? fit.PseudoRSquared : fit.WithinRSquared, "R²");
        if (model == "SINGLETONS")
        {
            Assert.InRange(central.Singletons, 100, 10_000);
            Assert.NotEmpty(result.SingletonExample);
        }

        if (central.Separated > 0)
        {
            Assert.NotEmpty(result.SeparatedExample);
        }
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{what}: {actual:R} against {expected:R}");

    private sealed record Case(bool Ppml, double[] Y, double[][] X, string[] Names, EffectDimension[] Effects, AbsorbedOptions Options, GravityPanel Panel, string[] Sets, string[] ClusterSets);

    private static Case Build(string model)
    {
        GravityPanel all = GravityPanel.All;
        GravityPanel intl = all.Where(i => all.Exporter[i] != all.Importer[i]);
        string[] gravity = ["log(dist)", "cntg", "lang", "clny", "rta"];
        switch (model)
        {
            case "OLS":
            {
                GravityPanel p = intl.Where(i => intl["trade"][i] > 0.0);
                return new Case(false, p.Log("trade"), Columns(p, gravity), gravity, [p.ExporterYear, p.ImporterYear],
                    new AbsorbedOptions(CovarianceKind.ClusterCr1, [p.SymmetricPair]), p, ["exporter^year", "importer^year"], ["sympair"]);
            }

            case "PPML":
                return new Case(true, intl["trade"], Columns(intl, gravity), gravity, [intl.ExporterYear, intl.ImporterYear],
                    new AbsorbedOptions(CovarianceKind.ClusterCr0, [intl.SymmetricPair]), intl, ["exporter^year", "importer^year"], ["sympair"]);
            case "PAIRFE":
                return new Case(true, all["trade"], Columns(all, ["rta"]), ["rta"], [all.ExporterYear, all.ImporterYear, all.SymmetricPair],
                    new AbsorbedOptions(CovarianceKind.ClusterCr0, [all.SymmetricPair]), all, ["exporter^year", "importer^year", "sympair"], ["sympair"]);
            case "PAIR":
                // Directional pairs: local to the exporter, eliminated in the blocks; nested in the pair clusters.
                return new Case(true, all["trade"], Columns(all, ["rta", "rta_lag4"]), ["rta", "rta_lag4"], [all.ExporterYear, all.ImporterYear, all.Pair],
                    new AbsorbedOptions(CovarianceKind.ClusterCr1, [all.Pair]), all, ["exporter^year", "importer^year", "pair"], ["pair"]);
            case "HC":
            {
                GravityPanel p = intl.Where(i => intl["trade"][i] > 0.0);
                return new Case(false, p.Log("trade"), Columns(p, gravity), gravity, [p.ExporterYear, p.ImporterYear],
                    new AbsorbedOptions(CovarianceKind.Hc1), p, ["exporter^year", "importer^year"], []);
            }

            case "TWOWAY":
                return new Case(false, Positive(all).Log("trade"), Columns(Positive(all), ["rta", "rta_lead4"]), ["rta", "rta_lead4"],
                    [Positive(all).ExporterYear, Positive(all).ImporterYear, Positive(all).Pair],
                    new AbsorbedOptions(CovarianceKind.ClusterCr1, [Positive(all).ExporterCluster, Positive(all).ImporterCluster]),
                    Positive(all), ["exporter^year", "importer^year", "pair"], ["exporter", "importer"]);
            default:
            {
                // Every third pair keeps one year only: singletons of the pair set, dropped in rounds.
                GravityPanel p = Positive(all);
                p = p.Where(i => (p.Exporter[i][0] + p.Importer[i][1]) % 3 != 0 || p.Year[i] == 1990);
                return new Case(false, p.Log("trade"), Columns(p, ["rta"]), ["rta"], [p.ExporterYear, p.ImporterYear, p.Pair],
                    new AbsorbedOptions(CovarianceKind.ClusterCr1, [p.Pair]), p, ["exporter^year", "importer^year", "pair"], ["pair"]);
            }
        }
    }

    private static GravityPanel Positive(GravityPanel p) => p.Where(i => p["trade"][i] > 0.0);

    private static double[][] Columns(GravityPanel p, string[] names) => names.Select(r => r == "log(dist)" ? p.Log("dist") : p[r]).ToArray();

    /// <summary>Blocks by exporter: all in one (split 1), exporters dealt round seven blocks (7), one per exporter (0).</summary>
    private static (ISweepBlocks Blocks, SweepModel Model) Split(Case c, int split)
    {
        GravityPanel p = c.Panel;
        string[] economies = p.Exporter.Concat(p.Importer).Distinct().Order(StringComparer.Ordinal).ToArray();
        var code = economies.Select((e, i) => (e, i)).ToDictionary(t => t.e, t => (long)t.i, StringComparer.Ordinal);
        int first = p.Year.Min();
        long span = p.Year.Max() - first + 1;
        long size = economies.Length;
        long Id(string set, int i)
        {
            long e = code[p.Exporter[i]], m = code[p.Importer[i]], t = p.Year[i] - first;
            return set switch
            {
                "exporter^year" => e * span + t,
                "importer^year" => m * span + t,
                "pair" => e * size + m,
                "sympair" => Math.Min(e, m) * size + Math.Max(e, m),
                "exporter" => e,
                _ => m,
            };
        }

        long Block(int i) => split == 0 ? code[p.Exporter[i]] : code[p.Exporter[i]] % split;
        var blocks = new List<SweepBlock>();
        foreach (IGrouping<long, int> rows in Enumerable.Range(0, p.Rows).GroupBy(Block).OrderBy(g => g.Key))
        {
            int[] r = rows.ToArray();
            blocks.Add(new SweepBlock(
                r.Select(i => c.Y[i]).ToArray(),
                c.X.Select(x => r.Select(i => x[i]).ToArray()).ToArray(),
                c.Sets.Select(s => r.Select(i => Id(s, i)).ToArray()).ToArray(),
                Array.IndexOf(c.Sets, "pair") >= 0 ? Array.IndexOf(c.Sets, "pair") : 0,
                c.ClusterSets.Select(s => r.Select(i => Id(s, i)).ToArray()).ToArray(),
                row => $"{p.Exporter[r[row]]}→{p.Importer[r[row]]} {p.Year[r[row]]}"));
        }

        return (new LocalSweepBlocks(blocks), new SweepModel(c.Names, c.Sets, Array.IndexOf(c.Sets, "pair") >= 0 ? Array.IndexOf(c.Sets, "pair") : 0, c.ClusterSets, c.Options));
    }
}
