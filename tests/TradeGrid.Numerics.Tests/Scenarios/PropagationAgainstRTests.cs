using System.Text.Json;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// Deterministic propagation against R's predict() on shocked newdata (fixtures/scenarios/propagation.R): pooled OLS
/// on logs with smearing, OLS with economy effects and PPML with economy effects. The economy's effect is recovered
/// here from its rows and R's slopes (<see cref="EconomyEffect"/>) and must equal R's dummy coefficient; the shocks
/// (+10% on x1 from the second year, +0.5 on x2) are applied by <see cref="DriverShock"/> to the drivers' levels, and
/// <see cref="ScenarioPropagation"/> projects baseline and scenario.
/// </summary>
public sealed class PropagationAgainstRTests
{
    // The same arithmetic in another order; the PPML effect rests on glm's convergence (epsilon 1e-14 in the script).
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData("ols-log-smearing")]
    [InlineData("ols-economy-effects")]
    [InlineData("ppml-economy-effects")]
    public void Baseline_and_scenario_match_R_predict_on_shocked_newdata(string name)
    {
        JsonElement r = Fixture.Load("scenarios/propagation");
        JsonElement c = r.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        double[] beta = c.GetProperty("coefficients").Doubles();
        double[] covariance = c.GetProperty("covariance").EnumerateArray().SelectMany(row => row.Doubles()).ToArray();
        bool poisson = c.GetProperty("scale").GetString() == "poisson";
        bool pooled = name == "ols-log-smearing";
        PredictionModel prediction = poisson
            ? new PredictionModel(beta, covariance, double.NaN, double.PositiveInfinity, ResponseScale.PoissonMean)
            : new PredictionModel(beta, covariance, c.GetProperty("sigma").GetDouble(), c.GetProperty("df").GetDouble(), ResponseScale.Log,
                pooled ? BiasCorrection.Smearing : BiasCorrection.None, pooled ? c.GetProperty("smearing").GetDouble() : double.NaN);
        var model = new ScenarioModel(prediction, pooled ? [-1, 0, 1] : [0, 1],
            pooled ? [DriverTransform.Level, DriverTransform.Log, DriverTransform.Level] : [DriverTransform.Log, DriverTransform.Level], Drivers: 2);

        double effect = 0.0;
        if (!pooled)
        {
            double[,] x = r.GetProperty("rows_x").Matrix();
            double[] y = r.GetProperty("rows_y").Doubles();
            // The rows as the fit saw them: log(y) for the OLS model, y for PPML.
            effect = poisson ? EconomyEffect.Poisson(x, y, beta) : EconomyEffect.Linear(x, y.Select(v => Math.Log(v)).ToArray(), beta);
            AssertClose.Relative(c.GetProperty("effect").GetDouble(), effect, Tolerance, $"{name}: the economy's recovered effect");
        }

        int[] years = r.GetProperty("years").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var shocks = new[]
        {
            new ShockPlan(0, new DriverShock(ShockKind.Percent, 10.0, years[1], 0, PhaseIn.Immediate, false, [], []), [true, true, true]),
            new ShockPlan(1, new DriverShock(ShockKind.Absolute, 0.5, years[0], 0, PhaseIn.Immediate, false, [], []), [true, true, true]),
        };
        var input = new EconomyScenarioInput(years, [r.GetProperty("baseline_x1").Doubles(), r.GetProperty("baseline_x2").Doubles()],
            shocks, effect, [null, null], RandomStream.KeyOf("E03"));

        (double[] baseline, double[] scenario) = ScenarioPropagation.Project(model, input);

        double[] expectedBaseline = c.GetProperty("baseline").Doubles();
        double[] expectedScenario = c.GetProperty("scenario").Doubles();
        for (int h = 0; h < years.Length; h++)
        {
            AssertClose.Relative(expectedBaseline[h], baseline[h], Tolerance, $"{name} {years[h]}: baseline");
            AssertClose.Relative(expectedScenario[h], scenario[h], Tolerance, $"{name} {years[h]}: scenario");
        }
    }

    [Fact]
    public void Shocked_drivers_match_the_scripts_newdata()
    {
        JsonElement r = Fixture.Load("scenarios/propagation");
        int[] years = r.GetProperty("years").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var percent = new DriverShock(ShockKind.Percent, 10.0, years[1], 0, PhaseIn.Immediate, false, [], []);
        double[] x1 = r.GetProperty("baseline_x1").Doubles();
        double[] shocked = r.GetProperty("shocked_x1").Doubles();
        for (int h = 0; h < years.Length; h++)
        {
            AssertClose.Relative(shocked[h], percent.Apply(years[h], x1[h]), 1e-15, $"x1 in {years[h]}");
        }
    }
}
