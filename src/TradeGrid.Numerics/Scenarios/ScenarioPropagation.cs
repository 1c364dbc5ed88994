using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Deterministic propagation: each year's drivers (baseline, then shocked) become the model's regressors by the fit's
/// transforms, x'b plus the economy's own effect gives the link, and <see cref="Predictor.Point"/> (Predict's own
/// back-transform and bias correction) gives the level; a weight driver multiplies it. A year whose regressors cannot be
/// made (log of a level ≤ 0) is NaN.
/// </summary>
public static class ScenarioPropagation
{
    /// <summary>x'b + effect for the drivers' levels of one year; NaN when a transform is undefined.</summary>
    public static double Link(ScenarioModel model, ReadOnlySpan<double> beta, ReadOnlySpan<double> drivers, double effect)
    {
        double eta = effect;
        int[] terms = model.Terms;
        for (int i = 0; i < terms.Length; i++)
        {
            int d = terms[i];
            double x = d < 0 ? 1.0 : Transform(model.Transforms[i], drivers[d]);
            eta += beta[i] * x;
        }

        return eta;
    }

    public static double Transform(DriverTransform transform, double level) => transform switch
    {
        DriverTransform.Log => level > 0.0 ? Math.Log(level) : double.NaN,
        DriverTransform.Log1p => level > -1.0 ? Math.Log(1.0 + level) : double.NaN,
        _ => level,
    };

    /// <summary>The weight of a year's drivers (1 without a weight driver).</summary>
    public static double Weight(ScenarioModel model, ReadOnlySpan<double> drivers) => model.WeightDriver < 0 ? 1.0 : drivers[model.WeightDriver];

    /// <summary>
    /// The model's level for each row of observed drivers (<paramref name="drivers"/>[row][driver]), as a projection
    /// would give it for those drivers: what an aggregate's history uses for a member in a year it does not report
    /// (ITC Box 2's extrapolation of the share to the economies without data). NaN where a transform is undefined.
    /// </summary>
    public static double[] Fitted(ScenarioModel model, IReadOnlyList<double[]> drivers, double effect) =>
        Fitted(model, drivers, Enumerable.Repeat(effect, drivers.Count).ToArray());

    /// <summary>As <see cref="Fitted(ScenarioModel, IReadOnlyList{double[]}, double)"/> with each row's own effect (economy plus that year's, for a model with year effects).</summary>
    public static double[] Fitted(ScenarioModel model, IReadOnlyList<double[]> drivers, ReadOnlySpan<double> effects)
    {
        model.Validate();
        if (effects.Length != drivers.Count)
        {
            throw new ArgumentException($"{effects.Length} effects for {drivers.Count} rows.", nameof(effects));
        }

        double[] beta = model.Prediction.Coefficients;
        var values = new double[drivers.Count];
        for (int r = 0; r < drivers.Count; r++)
        {
            values[r] = Predictor.Point(model.Prediction, Link(model, beta, drivers[r], effects[r])) * Weight(model, drivers[r]);
        }

        return values;
    }

    /// <summary>Baseline and scenario levels of every projected year at the fitted coefficients.</summary>
    public static (double[] Baseline, double[] Scenario) Project(ScenarioModel model, EconomyScenarioInput input)
    {
        model.Validate();
        int horizon = input.Horizon;
        var baseline = new double[horizon];
        var scenario = new double[horizon];
        Span<double> b = stackalloc double[model.Drivers];
        Span<double> s = stackalloc double[model.Drivers];
        double[] beta = model.Prediction.Coefficients;
        for (int h = 0; h < horizon; h++)
        {
            for (int j = 0; j < model.Drivers; j++)
            {
                b[j] = input.Baseline[j][h];
                s[j] = input.Shocked(j, h, b[j]);
            }

            baseline[h] = Predictor.Point(model.Prediction, Link(model, beta, b, input.Effect)) * Weight(model, b);
            scenario[h] = Predictor.Point(model.Prediction, Link(model, beta, s, input.Effect)) * Weight(model, s);
        }

        return (baseline, scenario);
    }
}
