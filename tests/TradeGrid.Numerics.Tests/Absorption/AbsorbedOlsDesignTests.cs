using TradeGrid.Domain;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// An absorbed OLS design prepared once serves fits that differ in covariance kind, level or collinearity rule: each
/// such fit equals, to the bit, the fit made from the rows, on the Advanced Guide's structural-gravity OLS (exporter×year,
/// importer×year and pair effects, clustered by pair); a fit whose drops or clusters differ from the design's is refused.
/// </summary>
public sealed class AbsorbedOlsDesignTests
{
    [Fact]
    public void Fits_from_one_design_equal_fits_from_the_rows_at_every_level_and_covariance_kind()
    {
        GravityPanel all = GravityPanel.All;
        GravityPanel p = all.Where(i => all["trade"][i] > 0.0);
        double[] y = p.Log("trade");
        double[][] columns = [p["rta"], p.Log("dist")];
        EffectDimension[] effects = [p.ExporterYear, p.ImporterYear, p.Pair];
        EffectDimension[] clusters = [p.Pair];
        AbsorbedOlsDesign design = AbsorbedOls.Prepare(y, columns, ["rta", "log(dist)"], effects, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters));

        AbsorbedOptions[] variants =
        [
            new(CovarianceKind.ClusterCr1, clusters),
            new(CovarianceKind.ClusterCr1, clusters, ConfidenceLevel: 0.9),
            new(CovarianceKind.ClusterCr0, clusters, ConfidenceLevel: 0.99),
        ];
        foreach (AbsorbedOptions options in variants)
        {
            AbsorbedFit fromDesign = AbsorbedOls.Fit(design, options);
            AbsorbedFit fromRows = AbsorbedOls.Fit(y, columns, ["rta", "log(dist)"], effects, options);

            Assert.Equal(fromRows.Names, fromDesign.Names);
            Assert.Equal(fromRows.Coefficients, fromDesign.Coefficients);
            Assert.Equal(fromRows.StandardErrors, fromDesign.StandardErrors);
            Assert.Equal(fromRows.ConfidenceLower, fromDesign.ConfidenceLower);
            Assert.Equal(fromRows.Covariance, fromDesign.Covariance);
            Assert.Equal(fromRows.SmallSample, fromDesign.SmallSample);
            Assert.Equal(fromRows.RSquared, fromDesign.RSquared);
            Assert.Equal(fromRows.WithinRSquared, fromDesign.WithinRSquared);
            Assert.Equal(fromRows.Observations, fromDesign.Observations);
            Assert.Equal(fromRows.ProjectionIterations, fromDesign.ProjectionIterations);
            Assert.Equal(options.ConfidenceLevel, fromDesign.ConfidenceLevel);
        }

        // log(dist) is constant within a pair, so collinear with the pair effects: dropped and named with the option, refused without.
        AbsorbedFit dropped = AbsorbedOls.Fit(design, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters, DropCollinear: true));
        Assert.Equal(AbsorbedOls.Fit(y, columns, ["rta", "log(dist)"], effects, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters, DropCollinear: true)).Coefficients,
            dropped.Coefficients);
        Assert.Contains("log(dist)", Assert.Throws<SingularDesignException>(() => AbsorbedOls.Fit(design, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters, DropCollinear: false))).Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => AbsorbedOls.Fit(design, new AbsorbedOptions(CovarianceKind.ClusterCr1, [p.ExporterCluster])));
        Assert.Throws<ArgumentException>(() => AbsorbedOls.Fit(design, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters, DropSingletons: false)));
    }
}
