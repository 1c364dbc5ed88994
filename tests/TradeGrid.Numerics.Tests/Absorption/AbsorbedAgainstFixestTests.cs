using System.Globalization;
using System.Text.Json;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// Absorbed-effects OLS and PPML against fixest 0.12 (fixtures/absorption/fixest_gravity.R) on the Advanced Guide's
/// chapter 1 data: exporter×year, importer×year and pair effects, clustered by (symmetric) pair, one- and two-way,
/// HC1 and iid, fixest's default small-sample factors and CR0. Both sides are run to their fixed points (tolerances far
/// below the defaults), so they agree to rounding.
/// </summary>
public sealed class AbsorbedAgainstFixestTests
{
    // OLS: the same least-squares problem, effects projected to 1e-13. PPML: both IRLS runs stop at deviance changes
    // of 1e-13, so β differs by the square of a 1e-13-relative step; the covariance inherits the demeaning tolerance.
    private const double Tolerance = 1e-9;

    private static readonly JsonElement _fixest = Fixture.Load("absorption/fixest_gravity");

    public static TheoryData<string> Fits() => new(_fixest.GetProperty("fits").EnumerateArray().Select(f => f.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Fits))]
    public void Coefficients_standard_errors_and_counts_match_fixest(string name)
    {
        JsonElement expected = _fixest.GetProperty("fits").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

        AbsorbedFit fit = Run(name);

        string[] names = expected.GetProperty("coefficients").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names, fit.Names);
        foreach (string coefficient in names)
        {
            int j = Array.IndexOf(fit.Names, coefficient);
            AssertClose.Relative(Number(expected.GetProperty("coefficients").GetProperty(coefficient)), fit.Coefficients[j], Tolerance, $"{name} {coefficient}");
            AssertClose.Relative(Number(expected.GetProperty("se").GetProperty(coefficient)), fit.StandardErrors[j], Tolerance, $"{name} SE {coefficient}");
        }

        double[] covariance = expected.GetProperty("covariance").EnumerateArray().Select(Number).ToArray();
        int r = names.Length;
        for (int a = 0; a < r; a++)
        {
            for (int b = 0; b < r; b++)
            {
                // R's as.vector is column-major; symmetric anyway.
                AssertClose.Relative(covariance[b * r + a], fit.Covariance[a * r + b], Tolerance, $"{name} V[{a},{b}]");
            }
        }

        Assert.Equal(expected.GetProperty("nobs").GetInt32(), fit.Observations);
        Assert.Equal(expected.GetProperty("dof_K").GetInt32(), fit.SmallSampleK);
        Assert.Equal(expected.GetProperty("df_t").GetDouble(), fit.Df);
        Assert.Equal(
            expected.GetProperty("fixef_sizes").EnumerateObject().Select(p => p.Value.GetInt32()),
            fit.Effects.Select(e => e.Groups));
        if (expected.GetProperty("r2").ValueKind == JsonValueKind.String)
        {
            AssertClose.Relative(Number(expected.GetProperty("r2")), fit.RSquared, Tolerance, $"{name} R²");
            AssertClose.Relative(Number(expected.GetProperty("wr2")), fit.WithinRSquared, Tolerance, $"{name} within R²");
        }

        if (expected.GetProperty("deviance").ValueKind == JsonValueKind.String)
        {
            AssertClose.Relative(Number(expected.GetProperty("deviance")), fit.Deviance, Tolerance, $"{name} deviance");
        }
    }

    internal static AbsorbedFit Run(string name)
    {
        GravityPanel all = GravityPanel.All;
        GravityPanel intl = all.Where(i => all.Exporter[i] != all.Importer[i]);
        GravityPanel positive = intl.Where(i => intl["trade"][i] > 0.0);
        GravityPanel allPositive = all.Where(i => all["trade"][i] > 0.0);
        string[] book = ["log(dist)", "cntg", "lang", "clny", "rta"];
        return name switch
        {
            "ols_intl" => Ols(positive, book, Cluster(positive.SymmetricPair)),
            "ols_intl_hetero" => Ols(positive, book, new AbsorbedOptions(CovarianceKind.Hc1)),
            "ols_intl_iid" => Ols(positive, book, new AbsorbedOptions(CovarianceKind.Classical)),
            "ols_intl_twoway" => Ols(positive, book, new AbsorbedOptions(CovarianceKind.ClusterCr1, [positive.ExporterCluster, positive.ImporterCluster])),
            "ppml_intl" => Ppml(intl, book, [intl.ExporterYear, intl.ImporterYear], Cluster(intl.SymmetricPair)),
            "ppml_intl_cr0" => Ppml(intl, book, [intl.ExporterYear, intl.ImporterYear], Cluster(intl.SymmetricPair) with { Covariance = CovarianceKind.ClusterCr0 }),
            "ppml_pair" => Ppml(all, ["rta"], Structural(all), Cluster(all.SymmetricPair)),
            "ppml_pair_cr0" => Ppml(all, ["rta"], Structural(all), Cluster(all.SymmetricPair) with { Covariance = CovarianceKind.ClusterCr0 }),
            "ppml_lead" => Ppml(all, ["rta", "rta_lead4"], Structural(all), Cluster(all.SymmetricPair)),
            "ppml_lags" => Ppml(all, ["rta", "rta_lag4", "rta_lag8", "rta_lag12"], Structural(all), Cluster(all.SymmetricPair)),
            "ols_structural" => AbsorbedOls.Fit(allPositive.Log("trade"), [allPositive["rta"]], ["rta"],
                [allPositive.ExporterYear, allPositive.ImporterYear, allPositive.Pair], Cluster(allPositive.Pair)),
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }

    private static EffectDimension[] Structural(GravityPanel p) => [p.ExporterYear, p.ImporterYear, p.SymmetricPair];

    private static AbsorbedOptions Cluster(EffectDimension by) => new(CovarianceKind.ClusterCr1, [by]);

    private static AbsorbedFit Ols(GravityPanel p, string[] regressors, AbsorbedOptions options) =>
        AbsorbedOls.Fit(p.Log("trade"), Columns(p, regressors), regressors, [p.ExporterYear, p.ImporterYear], options);

    private static AbsorbedFit Ppml(GravityPanel p, string[] regressors, EffectDimension[] effects, AbsorbedOptions options) =>
        AbsorbedPpml.Fit(p["trade"], Columns(p, regressors), regressors, effects, options);

    private static double[][] Columns(GravityPanel p, string[] regressors) =>
        regressors.Select(r => r == "log(dist)" ? p.Log("dist") : p[r]).ToArray();

    private static double Number(JsonElement e) => double.Parse(e.GetString()!, CultureInfo.InvariantCulture);
}
