using System.Text.Json;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Regression;

public sealed class DistributionsTests
{
    // fixtures/regression/distributions.json comes from distributions.R: R's pt/pnorm/pf upper tails and qt.
    // The target: p-values within 1e-8 relative down to 1e-300; the incomplete beta (MathNet) and R's pbeta
    // are both accurate to ~1e-14 in these ranges, so 1e-10 leaves margin while catching a 1 − CDF cancellation.
    private const double TailTolerance = 1e-10;
    // Newton runs to full precision on the tail function, but for df ~ 1e5 the tail itself carries ~5e-11 from
    // MathNet's incomplete beta (log Γ(a + ½) − log Γ(a) taken as a difference of numbers ~5e5), and the quantile
    // inherits it; the intervals' 1e-9 in the fit tests is what matters.
    private const double QuantileTolerance = 1e-9;

    private static readonly JsonElement _r = Fixture.Load("regression/distributions");

    [Fact]
    public void Student_two_sided_tails_match_r_down_to_1e_minus_300()
    {
        JsonElement s = _r.GetProperty("student");
        double[] t = s.GetProperty("t").Doubles();
        double[] df = s.GetProperty("df").Doubles();
        double[] p = s.GetProperty("p").Doubles();

        for (int i = 0; i < t.Length; i++)
        {
            AssertClose.Relative(p[i], Distributions.StudentTwoSided(t[i], df[i]), TailTolerance, $"p(|T| > {t[i]}; df {df[i]})");
        }
    }

    [Fact]
    public void Normal_two_sided_tails_match_r()
    {
        double[] z = _r.GetProperty("normal").GetProperty("z").Doubles();
        double[] p = _r.GetProperty("normal").GetProperty("p").Doubles();

        for (int i = 0; i < z.Length; i++)
        {
            AssertClose.Relative(p[i], Distributions.NormalTwoSided(z[i]), TailTolerance, $"p(|Z| > {z[i]})");
        }
    }

    [Fact]
    public void Student_critical_values_match_qt()
    {
        JsonElement q = _r.GetProperty("quantile");
        double[] level = q.GetProperty("level").Doubles();
        double[] df = q.GetProperty("df").Doubles();
        double[] critical = q.GetProperty("critical").Doubles();

        for (int i = 0; i < level.Length; i++)
        {
            AssertClose.Relative(critical[i], Distributions.StudentCritical(level[i], df[i]), QuantileTolerance, $"qt({level[i]}; df {df[i]})");
        }
    }

    [Fact]
    public void F_upper_tails_match_r()
    {
        JsonElement f = _r.GetProperty("f");
        double[] value = f.GetProperty("f").Doubles();
        double[] df1 = f.GetProperty("df1").Doubles();
        double[] df2 = f.GetProperty("df2").Doubles();
        double[] p = f.GetProperty("p").Doubles();

        for (int i = 0; i < value.Length; i++)
        {
            AssertClose.Relative(p[i], Distributions.FUpper(value[i], df1[i], df2[i]), TailTolerance, $"p(F > {value[i]}; {df1[i]}, {df2[i]})");
        }
    }
}
