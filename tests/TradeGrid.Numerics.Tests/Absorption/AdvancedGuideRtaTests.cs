using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// Yotov, Piermartini, Monteiro and Larch (2016), An Advanced Guide to Trade Policy Analysis, chapter 1, application
/// "Regional trade agreements effects" (RTAsEffects.do; esttab b(3) se(3)): the estimates the book prints, to its
/// three decimals, on its data (../shared/data/gravity_agtpa_manufacturing_1986_2006.csv.gz). The book's Stata runs
/// `regress … cluster(pair_id)` (CR1: G/(G−1)·(N−1)/(N−K), every dummy in K, as fixest when no effect is nested in the
/// pairs) and `ppml … cluster(pair_id)` (CR0: G/(G−1) only); pair_id is the symmetric pair. Exporter×year and
/// importer×year effects throughout; the pair-effect columns use all flows, domestic included.
/// </summary>
public sealed class AdvancedGuideRtaTests
{
    private static readonly string[] Gravity = ["log(dist)", "cntg", "lang", "clny", "rta"];

    public static TheoryData<string, string[], double[], double[]> Columns() => new()
    {
        // (a) international flows: OLS on log trade (positive flows), PPML on levels.
        { "OLS", Gravity, [-1.216, 0.223, 0.661, 0.670, -0.004], [0.039, 0.203, 0.082, 0.149, 0.054] },
        { "PPML", Gravity, [-0.822, 0.416, 0.250, -0.205, 0.191], [0.031, 0.083, 0.077, 0.114, 0.066] },
        // (c) symmetric pair effects; (d) the lead; (e) phasing in.
        { "PAIRFE", ["rta"], [0.557], [0.102] },
        { "LEAD", ["rta", "rta_lead4"], [0.520, 0.077], [0.086, 0.092] },
        { "PHSNG", ["rta", "rta_lag4", "rta_lag8", "rta_lag12"], [0.291, 0.414, 0.169, 0.119], [0.089, 0.067, 0.043, 0.030] },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Reproduces_the_printed_estimates_and_standard_errors(string column, string[] regressors, double[] estimates, double[] errors)
    {
        AbsorbedFit fit = Fit(column, regressors);

        Assert.Equal(regressors, fit.Names);
        for (int j = 0; j < regressors.Length; j++)
        {
            Assert.True(Math.Round(fit.Coefficients[j], 3) == estimates[j], $"{column} {regressors[j]}: {fit.Coefficients[j]:F5}, the book prints {estimates[j]:F3}");
            Assert.True(Math.Round(fit.StandardErrors[j], 3) == errors[j], $"{column} SE {regressors[j]}: {fit.StandardErrors[j]:F5}, the book prints {errors[j]:F3}");
        }
    }

    [Fact]
    public void The_pair_effect_sample_drops_the_seven_pairs_that_never_trade_as_the_book_does()
    {
        AbsorbedFit fit = Fit("PAIRFE", ["rta"]);

        Assert.Equal(84, fit.Separated);
        Assert.Equal(28_566 - 84, fit.Observations);
        Assert.Equal(0, fit.Singletons);
        Assert.Equal([414, 414, 2_408], fit.Effects.Select(e => e.Groups));
        Assert.Contains("CR0", fit.SmallSample, StringComparison.Ordinal);
    }

    private static AbsorbedFit Fit(string column, string[] regressors)
    {
        GravityPanel all = GravityPanel.All;
        GravityPanel intl = all.Where(i => all.Exporter[i] != all.Importer[i]);
        GravityPanel p = column == "OLS" ? intl.Where(i => intl["trade"][i] > 0.0) : column == "PPML" ? intl : all;
        double[][] x = regressors.Select(r => r == "log(dist)" ? p.Log("dist") : p[r]).ToArray();
        EffectDimension[] effects = column is "OLS" or "PPML" ? [p.ExporterYear, p.ImporterYear] : [p.ExporterYear, p.ImporterYear, p.SymmetricPair];
        var options = new AbsorbedOptions(column == "OLS" ? CovarianceKind.ClusterCr1 : CovarianceKind.ClusterCr0, [p.SymmetricPair]);
        return column == "OLS"
            ? AbsorbedOls.Fit(p.Log("trade"), x, regressors, effects, options)
            : AbsorbedPpml.Fit(p["trade"], x, regressors, effects, options);
    }
}
