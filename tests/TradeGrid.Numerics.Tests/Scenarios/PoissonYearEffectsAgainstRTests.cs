using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Scenarios;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// PPML year and two-way fixed effects in a scenario against R (fixtures/scenarios/ppml_year_effects.R): on an unbalanced
/// panel with zeros in y and one economy whose y is all zero, the slopes fitted here (<see cref="Ppml.Fit"/>), the year
/// effects recovered from every economy's per-year sums as the grains send them (<see cref="PoissonYearEffects"/>,
/// <see cref="PoissonYearSums"/>), each economy's own effect net of them (<see cref="EconomyEffect"/>) and the projection
/// with the last year effect held, against glm(family = poisson) with economy and year dummies and
/// predict(type = "response") on newdata whose year is the last sample year.
/// </summary>
public sealed class PoissonYearEffectsAgainstRTests
{
    // Both sides iterate to tight convergence (glm epsilon 1e-14; the effects to a change below 1e-12) on the same
    // likelihood: what is left is the slopes' IRLS convergence and rounding.
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData("two-way")]
    [InlineData("year")]
    public void Effects_and_projection_match_R(string name)
    {
        JsonElement r = Fixture.Load("scenarios/ppml_year_effects");
        JsonElement c = r.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        bool entity = c.GetProperty("entity").GetBoolean();
        (double[,] x, double[] y, string[] economies, int[] rowYears) = Rows(r);
        int[] sampleYears = r.GetProperty("sample_years").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        string[] codes = economies.Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] names = ["log(x1)", "x2"];
        PoissonFit fit = Ppml.Fit(x, y, names, economies.Select(e => Array.IndexOf(codes, e)).ToArray(), rowYears,
            new PanelSpec(entity, sampleYears), new PoissonOptions(CovarianceKind.Classical));
        double[] expectedSlopes = c.GetProperty("coefficients").Doubles();
        for (int j = 0; j < names.Length; j++)
        {
            AssertClose.Relative(expectedSlopes[j], fit.Coefficients[j], Tolerance, $"{name}: slope {names[j]}");
        }

        // As the coordinator gathers them: each economy's sums of its own rows per round, added in code order.
        var rounds = new PoissonYearEffects(sampleYears, entity);
        while (!rounds.Converged)
        {
            rounds.Add(codes.Select(code =>
            {
                int[] rows = RowsOf(economies, code);
                return PoissonYearSums.Of(Block(x, rows), Take(y, rows), Take(rowYears, rows), fit.Coefficients, sampleYears, rounds.Lambda, entity);
            }).ToArray());
        }

        YearEffects years = rounds.Effects;
        // Year effects alone: one round is the exact zero of the score; with economy effects the rounds alternate to the stated rule.
        Assert.True(entity ? rounds.Iterations > 1 && rounds.LastChange < PoissonYearEffects.DefaultTolerance : rounds.Iterations == 1,
            $"{name}: stopped after {rounds.Iterations} rounds at a change of {rounds.LastChange:E3}");
        if (entity)
        {
            Assert.Equal(0.0, years.Values[0]); // the stated normalisation: the first sample year is the reference
        }

        // α_i + λ_t are unique: compared on the link scale, where an absolute 1e-9 is a 1e-9 relative factor exp(α_i + λ_t) on the mean.
        string[] fitted = c.GetProperty("economy_names").Strings();
        double[] sums = c.GetProperty("effect_sums").Doubles();
        double own = 0.0;
        string target = r.GetProperty("target").GetString()!; // the script always writes it
        for (int e = 0; e < fitted.Length; e++)
        {
            int[] rows = RowsOf(economies, fitted[e]);
            double alpha = entity ? EconomyEffect.Poisson(Block(x, rows), Take(y, rows), fit.Coefficients, years.OfRows(Take(rowYears, rows))) : 0.0;
            for (int t = 0; t < sampleYears.Length; t++)
            {
                AssertClose.Absolute(sums[e * sampleYears.Length + t], alpha + years.Values[t], Tolerance, $"{name}: α + λ of {fitted[e]} in {sampleYears[t]}");
            }

            own = fitted[e] == target ? alpha : own;
        }

        var prediction = new PredictionModel(fit.Coefficients, fit.Covariance, double.NaN, double.PositiveInfinity, ResponseScale.PoissonMean);
        var model = new ScenarioModel(prediction, [0, 1], [DriverTransform.Log, DriverTransform.Level], Drivers: 2);
        int[] projected = r.GetProperty("years").EnumerateArray().Select(v => v.GetInt32()).ToArray();
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
    public void Rounds_that_do_not_converge_are_refused_with_the_change_reached()
    {
        JsonElement r = Fixture.Load("scenarios/ppml_year_effects");
        (double[,] x, double[] y, string[] economies, int[] rowYears) = Rows(r);
        int[] sampleYears = rowYears.Distinct().Order().ToArray();
        var rounds = new PoissonYearEffects(sampleYears, entityEffects: true, maxIterations: 2);
        PoissonYearSums[] Round() => economies.Distinct().Order(StringComparer.Ordinal).Select(code =>
        {
            int[] rows = RowsOf(economies, code);
            return PoissonYearSums.Of(Block(x, rows), Take(y, rows), Take(rowYears, rows), [0.9, -1.1], sampleYears, rounds.Lambda, true);
        }).ToArray();

        rounds.Add(Round());
        NoConvergenceException refused = Assert.Throws<NoConvergenceException>(() => rounds.Add(Round()));

        Assert.Contains("did not converge in 2 rounds", refused.Message);
        Assert.Contains("above the tolerance 1E-12", refused.Message);
    }

    [Fact]
    public void A_last_year_with_no_positive_value_is_refused()
    {
        var rounds = new PoissonYearEffects([2001, 2002], entityEffects: false);

        rounds.Add([new PoissonYearSums([3.0, 0.0], [2.5, 1.5])]);

        Assert.True(double.IsNegativeInfinity(rounds.Lambda[1]));
        InsufficientDataException refused = Assert.Throws<InsufficientDataException>(() => rounds.Effects);
        Assert.Contains("The dependent is 0 in every economy in 2002, the fit's last sample year", refused.Message);
    }

    private static (double[,] X, double[] Y, string[] Economies, int[] Years) Rows(JsonElement r)
    {
        double[,] raw = r.GetProperty("rows_x").Matrix();
        int n = raw.GetLength(0);
        var x = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = Math.Log(raw[i, 0]);
            x[i, 1] = raw[i, 1];
        }

        return (x, r.GetProperty("rows_y").Doubles(), r.GetProperty("economies").Strings(),
            r.GetProperty("row_years").EnumerateArray().Select(v => v.GetInt32()).ToArray());
    }

    private static int[] RowsOf(string[] economies, string code) => Enumerable.Range(0, economies.Length).Where(i => economies[i] == code).ToArray();

    private static T[] Take<T>(T[] values, int[] rows) => rows.Select(i => values[i]).ToArray();

    private static double[,] Block(double[,] x, int[] rows)
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
