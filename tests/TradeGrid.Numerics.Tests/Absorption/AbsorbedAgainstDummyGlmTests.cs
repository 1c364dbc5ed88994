using System.Globalization;
using System.Text.Json;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// Absorbed-effects OLS and PPML against base R <c>lm</c> and <c>glm(family = poisson)</c> with every effect as factor
/// dummies (fixtures/absorption/glm_dummies.R): an implementation independent of fixest, on a small synthetic panel of
/// 6 reporters × 5 partners × 6 years written into the fixture (OLS on the 164 positive flows, PPML on all 180 with 16
/// zeros). Effects: reporter×year + partner×year + pair (structural gravity) and pair + year.
/// <para>
/// Covariances, the regressors' block of the dummy model (equal to the partialled-out sandwich by Frisch–Waugh–Lovell):
/// HC0 (<c>sandwich::vcovHC(type = "HC0")</c>) is compared with <see cref="CovarianceKind.Hc0"/> as is. Cluster by pair
/// (<c>vcovCL(type = "HC0", cadjust = FALSE)</c>, no factor) is compared with <see cref="CovarianceKind.ClusterCr0"/>
/// times (G − 1)/G, G = 30 pairs, since CR0 keeps G/(G − 1). The model-based (iid) covariance differs by convention
/// only: lm divides the RSS by n − rank, the rank counting the dummies exactly (82 with the three structural sets:
/// 14 dummies are aliased), whereas <see cref="CovarianceKind.Classical"/> follows fixest, RSS/(N − K) with
/// K = regressors + Σ(G_q − 1) + 1 (96 here; the redundancy among three sets is not detected); glm's Poisson
/// covariance has no factor, the library's has (N − 1)/(N − K). The test therefore rescales the library's iid matrix by
/// (N − K)/(n − rank) for OLS and (N − K)/(N − 1) for PPML, with N, K from the fit and n − rank from R, and then asks
/// for 1e-9. The RSS (OLS) and deviance (PPML) are compared directly.
/// </para>
/// </summary>
public sealed class AbsorbedAgainstDummyGlmTests(ITestOutputHelper output)
{
    // The same least-squares problems solved by a dense QR on ~100 dummy columns (R) and by projections to 1e-13 (here);
    // PPML: glm runs to a relative deviance change of 1e-13 (plus one pass from its converged β, so that its weights
    // are at β) and the library one iteration past 1e-12. Observed: at most 1.4e-13 over the four fits (printed).
    private const double Tolerance = 1e-9;

    private static readonly JsonElement _r = Fixture.Load("absorption/glm_dummies");

    public static TheoryData<string> Fits() => new(_r.GetProperty("fits").EnumerateArray().Select(f => f.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Fits))]
    public void Coefficients_and_covariances_match_lm_and_glm_with_dummies(string name)
    {
        JsonElement expected = _r.GetProperty("fits").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        bool ppml = expected.GetProperty("model").GetString() == "ppml";
        string[] effects = expected.GetProperty("effects").Strings();

        AbsorbedFit hc0 = Run(ppml, effects, new AbsorbedOptions(CovarianceKind.Hc0));
        AbsorbedFit cr0 = Run(ppml, effects, new AbsorbedOptions(CovarianceKind.ClusterCr0, [Panel.Effect("pair", ppml)]));
        AbsorbedFit iid = Run(ppml, effects, new AbsorbedOptions(CovarianceKind.Classical));

        int n = expected.GetProperty("nobs").GetInt32();
        int clusters = expected.GetProperty("clusters").GetInt32();
        Assert.Equal(["x", "rta"], hc0.Names);
        Assert.Equal(n, hc0.Observations);
        Assert.Equal(0, hc0.Singletons);
        Assert.Equal(0, hc0.Separated);
        Assert.Equal(clusters, cr0.Clusters.Single().Groups);
        double iidScale = ppml
            ? (iid.Observations - iid.SmallSampleK) / (iid.Observations - 1.0)
            : (iid.Observations - iid.SmallSampleK) / (double)expected.GetProperty("df_residual").GetInt32();

        double worst = 0.0;
        double[] beta = Numbers(expected.GetProperty("coefficients"));
        foreach (AbsorbedFit fit in new[] { hc0, cr0, iid })
        {
            for (int j = 0; j < 2; j++)
            {
                worst = Math.Max(worst, Check(beta[j], fit.Coefficients[j], $"{name} {fit.CovarianceKind} β[{j}]"));
            }
        }

        worst = Math.Max(worst, Check(Numbers(expected.GetProperty("hc0")), hc0.Covariance, 1.0, $"{name} HC0"));
        worst = Math.Max(worst, Check(Numbers(expected.GetProperty("cl0")), cr0.Covariance, (clusters - 1.0) / clusters, $"{name} cluster by pair"));
        worst = Math.Max(worst, Check(Numbers(expected.GetProperty("iid")), iid.Covariance, iidScale, $"{name} iid"));
        double fitMeasure = ppml ? hc0.Deviance : hc0.Rss;
        worst = Math.Max(worst, Check(double.Parse(expected.GetProperty("rss_or_deviance").GetString()!, CultureInfo.InvariantCulture), fitMeasure, $"{name} RSS/deviance"));
        output.WriteLine($"{name}: largest relative difference {worst:E2} (iid rescaled by {iidScale:R}: K = {iid.SmallSampleK}, R rank {expected.GetProperty("rank").GetInt32()})");
    }

    private static AbsorbedFit Run(bool ppml, string[] effects, AbsorbedOptions options)
    {
        EffectDimension[] dims = effects.Select(e => Panel.Effect(e, ppml)).ToArray();
        double[][] columns = [Panel.Column("x", ppml), Panel.Column("rta", ppml)];
        return ppml
            ? AbsorbedPpml.Fit(Panel.Y(ppml), columns, ["x", "rta"], dims, options)
            : AbsorbedOls.Fit(Panel.Y(ppml).Select(v => Math.Log(v)).ToArray(), columns, ["x", "rta"], dims, options);
    }

    private static double Check(double expected, double actual, string what)
    {
        AssertClose.Relative(expected, actual, Tolerance, what);
        return Math.Abs(actual / expected - 1.0);
    }

    private static double Check(double[] expected, double[] actual, double scale, string what)
    {
        double worst = 0.0;
        for (int a = 0; a < 2; a++)
        {
            for (int b = 0; b < 2; b++)
            {
                // R's as.vector is column-major; the library's matrix row-major.
                worst = Math.Max(worst, Check(expected[b * 2 + a], actual[a * 2 + b] * scale, $"{what} V[{a},{b}]"));
            }
        }

        return worst;
    }

    private static double[] Numbers(JsonElement e) =>
        e.EnumerateArray().Select(v => double.Parse(v.GetString()!, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The fixture's rows: all of them for PPML, the positive flows for OLS (ln y).</summary>
    private static class Panel
    {
        private static readonly JsonElement _rows = _r.GetProperty("rows");
        private static readonly double[] _y = _rows.GetProperty("y").Doubles();

        public static double[] Y(bool all) => Keep(_y, all);

        public static double[] Column(string name, bool all) =>
            Keep(name == "x" ? Numbers(_rows.GetProperty("x")) : _rows.GetProperty(name).Doubles(), all);

        public static EffectDimension Effect(string name, bool all)
        {
            int[] reporter = Codes(_rows.GetProperty("reporter").Strings());
            int[] partner = Codes(_rows.GetProperty("partner").Strings());
            int[] year = _rows.GetProperty("year").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            int[] ids = name switch
            {
                "reporter_year" => EffectIds.Interact(reporter, year),
                "partner_year" => EffectIds.Interact(partner, year),
                "pair" => EffectIds.Interact(reporter, partner),
                "year" => year,
                _ => throw new ArgumentException(name, nameof(name)),
            };
            return new EffectDimension(name, Keep(ids, all));
        }

        private static T[] Keep<T>(T[] values, bool all) => values.Where((_, i) => all || _y[i] > 0.0).ToArray();

        private static int[] Codes(string[] labels)
        {
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            return labels.Select(l => codes.TryGetValue(l, out int c) ? c : codes[l] = codes.Count).ToArray();
        }
    }
}
