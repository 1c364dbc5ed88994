using System.Text.Json;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Scenarios;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// Year and two-way fixed effects in a scenario against R (fixtures/scenarios/year_effects.R): on an unbalanced panel,
/// the slopes fitted here (<see cref="FixedEffects.Fit"/>), the year effects recovered from every economy's year moments
/// as the grains send them (<see cref="YearEffects.Recover"/>), each economy's own effect net of them
/// (<see cref="EconomyEffect"/>), and the projection with the last year effect held, all against lm() with economy and
/// year dummies and predict() on newdata whose year is the last sample year.
/// </summary>
public sealed class YearEffectsAgainstRTests
{
    // The same least-squares problem solved by another factorisation (R's dummy QR here the absorbed projection).
    private const double Tolerance = 1e-9;

    // λ of the first year is R's reference (exactly 0): compared absolutely, at the scale of the effects (about 0.1–2).
    private const double ZeroTolerance = 1e-12;

    [Theory]
    [InlineData("two-way")]
    [InlineData("year")]
    public void Effects_and_projection_match_R(string name)
    {
        JsonElement r = Fixture.Load("scenarios/year_effects");
        JsonElement c = r.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        bool entity = c.GetProperty("entity").GetBoolean();
        string[] economies = r.GetProperty("economies").Strings();
        int[] rowYears = Ints(r.GetProperty("row_years"));
        int[] sampleYears = Ints(r.GetProperty("sample_years"));
        double[,] raw = r.GetProperty("rows_x").Matrix();
        double[] y = r.GetProperty("rows_y").Doubles().Select(v => Math.Log(v)).ToArray();
        int n = y.Length;
        var x = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = Math.Log(raw[i, 0]);
            x[i, 1] = raw[i, 1];
        }

        var panel = new PanelSpec(entity, sampleYears);
        string[] names = ["log(x1)", "x2"];
        int[] entityIds = economies.Select(e => Array.IndexOf(economies.Distinct().ToArray(), e)).ToArray();
        OlsFit fit = FixedEffects.Fit(x, y, names, entityIds, rowYears, panel, new OlsOptions(CovarianceKind.Classical));
        double[] expectedSlopes = c.GetProperty("coefficients").Doubles();
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(expectedSlopes[j], fit.Coefficients[j], Tolerance, $"{name}: slope {names[j]}");
        }

        AssertClose.Relative(c.GetProperty("sigma").GetDouble(), fit.Sigma, Tolerance, $"{name}: sigma");

        // As the coordinator gathers them: each economy's moments of its own rows, summed in code order.
        string[] codes = economies.Distinct().Order(StringComparer.Ordinal).ToArray();
        YearMoments sum = YearMoments.Sum(codes.Select(code =>
        {
            int[] rows = Enumerable.Range(0, n).Where(i => economies[i] == code).ToArray();
            return FixedEffectsRounds.Moments(Rows(x, rows), rows.Select(i => y[i]).ToArray(), new int[rows.Length], rows.Select(i => rowYears[i]).ToArray(), panel);
        }).ToArray());
        YearEffects years = YearEffects.Recover(sum, fit.Coefficients, sampleYears, new OlsOptions().CollinearityTolerance);

        double[] expectedYears = c.GetProperty("year_effects").Doubles();
        for (int t = 0; t < sampleYears.Length; t++)
        {
            if (expectedYears[t] == 0.0)
            {
                AssertClose.Absolute(0.0, years.Values[t], ZeroTolerance, $"{name}: the reference year {sampleYears[t]}");
            }
            else
            {
                AssertClose.Relative(expectedYears[t], years.Values[t], Tolerance, $"{name}: year effect {sampleYears[t]}");
            }
        }

        double[] expectedOwn = c.GetProperty("economy_effects").Doubles();
        string target = r.GetProperty("target").GetString()!; // the script always writes it
        double own = 0.0;
        for (int e = 0; e < codes.Length; e++)
        {
            int[] rows = Enumerable.Range(0, n).Where(i => economies[i] == codes[e]).ToArray();
            double alpha = entity ? EconomyEffect.Linear(Rows(x, rows), rows.Select(i => y[i]).ToArray(), fit.Coefficients,
                years.OfRows(rows.Select(i => rowYears[i]).ToArray())) : 0.0;
            if (entity)
            {
                AssertClose.Relative(expectedOwn[e], alpha, Tolerance, $"{name}: {codes[e]}'s own effect");
            }

            own = codes[e] == target ? alpha : own;
        }

        var prediction = new PredictionModel(fit.Coefficients, fit.Covariance, fit.Sigma, fit.ResidualDf, ResponseScale.Log, BiasCorrection.Normal);
        var model = new ScenarioModel(prediction, [0, 1], [DriverTransform.Log, DriverTransform.Level], Drivers: 2);
        int[] projected = Ints(r.GetProperty("years"));
        var shocks = new[]
        {
            new ShockPlan(0, new DriverShock(ShockKind.Percent, 10.0, projected[1], 0, PhaseIn.Immediate, false, [], []), [true, true, true]),
            new ShockPlan(1, new DriverShock(ShockKind.Absolute, 0.5, projected[0], 0, PhaseIn.Immediate, false, [], []), [true, true, true]),
        };
        var input = new EconomyScenarioInput(projected, [r.GetProperty("baseline_x1").Doubles(), r.GetProperty("baseline_x2").Doubles()],
            shocks, own + years.Held, [null, null], RandomStream.KeyOf(target));

        (double[] baseline, double[] scenario) = ScenarioPropagation.Project(model, input);

        Assert.Equal(sampleYears[^1], years.HeldYear);
        double[] expectedBaseline = c.GetProperty("baseline").Doubles();
        double[] expectedScenario = c.GetProperty("scenario").Doubles();
        for (int h = 0; h < projected.Length; h++)
        {
            AssertClose.Relative(expectedBaseline[h], baseline[h], Tolerance, $"{name} {projected[h]}: baseline");
            AssertClose.Relative(expectedScenario[h], scenario[h], Tolerance, $"{name} {projected[h]}: scenario");
        }
    }

    [Fact]
    public void A_year_outside_the_sample_has_no_effect()
    {
        var effects = new YearEffects([2001, 2002, 2003], [0.0, 0.2, 0.5]);

        Assert.Equal(0.5, effects.Held);
        Assert.Equal(0.2, effects.At(2002));
        Assert.True(double.IsNaN(effects.At(2004)));
        Assert.True(double.IsNaN(effects.OfRows([2000])[0]));
    }

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static double[,] Rows(double[,] x, int[] rows)
    {
        var block = new double[rows.Length, x.GetLength(1)];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < x.GetLength(1); j++)
            {
                block[i, j] = x[rows[i], j];
            }
        }

        return block;
    }
}
