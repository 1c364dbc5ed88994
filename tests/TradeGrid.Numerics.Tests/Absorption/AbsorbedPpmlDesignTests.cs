using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// An absorbed PPML design (the IRLS converged on the kept rows) serves fits that differ in covariance kind or level:
/// each such fit equals, to the bit, the fit made from the rows, on the Advanced Guide's structural-gravity PPML
/// (exporter×year, importer×year and pair effects with domestic flows, clustered by pair); a fit whose drops,
/// collinearity rule or clusters differ from the design's is refused.
/// </summary>
public sealed class AbsorbedPpmlDesignTests
{
    [Fact]
    public void Fits_from_one_design_equal_fits_from_the_rows_at_every_level_and_covariance_kind()
    {
        GravityPanel p = GravityPanel.All;
        double[] y = p["trade"];
        double[][] columns = [p["rta"]];
        EffectDimension[] effects = [p.ExporterYear, p.ImporterYear, p.Pair];
        EffectDimension[] clusters = [p.Pair];
        AbsorbedPpmlDesign design = AbsorbedPpml.Prepare(y, columns, ["rta"], effects, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters));

        AbsorbedOptions[] variants =
        [
            new(CovarianceKind.ClusterCr1, clusters),
            new(CovarianceKind.ClusterCr1, clusters, ConfidenceLevel: 0.9),
            new(CovarianceKind.ClusterCr0, clusters, ConfidenceLevel: 0.99),
            new(CovarianceKind.Hc1, clusters),
        ];
        foreach (AbsorbedOptions options in variants)
        {
            AbsorbedFit fromDesign = AbsorbedPpml.Fit(design, options);
            AbsorbedFit fromRows = AbsorbedPpml.Fit(y, columns, ["rta"], effects, options);

            Assert.Equal(fromRows.Names, fromDesign.Names);
            Assert.Equal(fromRows.Coefficients, fromDesign.Coefficients);
            Assert.Equal(fromRows.StandardErrors, fromDesign.StandardErrors);
            Assert.Equal(fromRows.ConfidenceLower, fromDesign.ConfidenceLower);
            Assert.Equal(fromRows.Covariance, fromDesign.Covariance);
            Assert.Equal(fromRows.CovarianceKind, fromDesign.CovarianceKind);
            Assert.Equal(fromRows.SmallSample, fromDesign.SmallSample);
            Assert.Equal(fromRows.PseudoRSquared, fromDesign.PseudoRSquared);
            Assert.Equal(fromRows.Deviance, fromDesign.Deviance);
            Assert.Equal(fromRows.LogLikelihood, fromDesign.LogLikelihood);
            Assert.Equal(fromRows.Observations, fromDesign.Observations);
            Assert.Equal(fromRows.Iterations, fromDesign.Iterations);
            Assert.Equal(fromRows.Separated, fromDesign.Separated);
            Assert.Equal(fromRows.SingletonExample, fromDesign.SingletonExample);
            Assert.Equal(options.ConfidenceLevel, fromDesign.ConfidenceLevel);
        }

        Assert.NotEqual(AbsorbedPpml.Fit(design, variants[0]).StandardErrors, AbsorbedPpml.Fit(design, variants[3]).StandardErrors);
        Assert.Throws<ArgumentException>(() => AbsorbedPpml.Fit(design, new AbsorbedOptions(CovarianceKind.ClusterCr1, [p.ExporterCluster])));
        Assert.Throws<ArgumentException>(() => AbsorbedPpml.Fit(design, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters, DropSingletons: false)));
        Assert.Throws<ArgumentException>(() => AbsorbedPpml.Fit(design, new AbsorbedOptions(CovarianceKind.ClusterCr1, clusters, DropCollinear: false)));
    }
}
