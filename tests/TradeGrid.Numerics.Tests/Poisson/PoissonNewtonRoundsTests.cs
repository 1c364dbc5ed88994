using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Tests.Poisson;

/// <summary>
/// The split form of the normal-equation PPML (PoissonRows per block, PoissonNewtonIterations at the coordinator), as the
/// economy grains run it, against the one-process fit on the same rows clustered by block.
/// </summary>
public sealed class PoissonNewtonRoundsTests
{
    private const double Tolerance = 1e-9;
    private static readonly string[] _names = ["x1", "x2", "x3"];

    [Theory]
    [InlineData(CovarianceKind.ClusterCr0)]
    [InlineData(CovarianceKind.ClusterCr1)]
    [InlineData(CovarianceKind.Hc1)]
    [InlineData(CovarianceKind.Classical)]
    public void Rounds_over_blocks_give_the_one_process_fit(CovarianceKind kind)
    {
        (double[,] x, double[] y, int[] entity, int[] year, int[] region) = NewtonPpmlTests.Panel(seed: 21, entities: 60, years: 12);
        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        var options = new PoissonOptions(kind);
        PoissonFit single = Ppml.Fit(x, y, _names, entity, year, spec, options, region);

        PoissonRows[] blocks = region.Distinct().Order().Select(r =>
        {
            int[] rows = Enumerable.Range(0, y.Length).Where(i => region[i] == r).ToArray();
            return PoissonRows.Prepare(Rows.Take(x, rows), Rows.Take(y, rows), Rows.Take(entity, rows), Rows.Take(year, rows), spec);
        }).ToArray();
        var newton = new PoissonNewtonIterations(_names, spec, options);
        while (!newton.Converged && !newton.Failed)
        {
            double[]? theta = newton.Theta;
            newton.Add(blocks.Select(b => b.Step(theta)).ToArray());
        }

        Assert.False(newton.Failed);
        double[] final = newton.Theta!;
        double[]? gamma = newton.Projection(blocks.Select(b => b.Step(final)).ToArray());
        Assert.NotNull(gamma);
        PoissonFinalPart[] finals = blocks.Select(b => b.Final(final, gamma)).ToArray();
        ScoreBasis? basis = newton.Basis(finals);
        Assert.NotNull(basis);
        ScorePart[]? meat = kind == CovarianceKind.Hc1 ? blocks.Select(b => b.Meat(final, gamma, basis)).ToArray() : null;
        PoissonFit split = newton.Finish(basis, finals, meat);

        SamePoissonFit.Assert(single, split, Tolerance);
    }

    [Fact]
    public void Collinear_slopes_fail_the_rounds_so_that_the_qr_rounds_decide()
    {
        (double[,] x, double[] y, int[] entity, int[] year, _) = NewtonPpmlTests.Panel(seed: 23, entities: 20, years: 8);
        for (int i = 0; i < y.Length; i++)
        {
            x[i, 1] = 3.0 * x[i, 0];
        }

        var spec = new PanelSpec(true, year.Distinct().Order().ToArray());
        PoissonRows block = PoissonRows.Prepare(x, y, entity, year, spec);
        var newton = new PoissonNewtonIterations(_names, spec, new PoissonOptions());

        newton.Add([block.Step(null)]);

        Assert.True(newton.Failed);
    }
}
