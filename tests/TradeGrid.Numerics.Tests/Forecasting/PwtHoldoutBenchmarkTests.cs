using System.Text.Json;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// The PWT holdout benchmark at the library level: PWT 9.1 rgdpna for the 156 countries complete over
/// 1970–2017, fit 1970–2011, forecast 2012–2017. fixtures/forecasting/pwt_holdout.json (make_pwt_holdout.R)
/// holds R's point forecasts; both sides are scored here with the same sMAPE and MASE code.
/// What this does and does not show: every single method gives R's errors (same numerics); etsarima — the mean of
/// ETS and ARIMA, the default before the out-of-sample choice — scores better than R's ets and auto.arima here, where
/// it was chosen (in-sample for that choice); the default now (auto, ETS, ARIMA, DOTM, damped ETS and drift weighted
/// by the inverse of their in-sample one-step MSE, chosen on the validation collections of bench/forecast/accuracy.sh,
/// of which this holdout is a part) scores better than R's ets, thetaf, rwf drift and naive but not auto.arima, and
/// its mean sMAPE (6.999) is not below 6.80 (docs/forecasting-service.md, *Third choice*).
/// </summary>
public sealed class PwtHoldoutBenchmarkTests(ITestOutputHelper output)
{
    private const int Train = 42;
    private const int Horizon = 6;

    // Same model and optimiser as R: the same forecasts to the forecasting target's 1e-4, so the same errors to well within it.
    private const double SameMethodTolerance = 1e-4;

    // The same deterministic fits averaged in a different order: last-bit rounding only.
    private const double SameArithmeticTolerance = 1e-14;

    [Fact]
    public void Each_method_scores_as_r_and_auto_keeps_its_in_sample_lead_over_rs_ets_and_auto_arima_on_the_holdout_it_was_chosen_on()
    {
        JsonElement[] rows = Fixture.Load("forecasting/pwt_holdout").GetProperty("series").EnumerateArray().ToArray();
        (string Name, IForecaster Forecaster)[] ours =
        [
            ("naive", new NaiveForecaster()), ("drift", new DriftForecaster()), ("ets", new EtsForecaster()),
            ("arima", new ArimaForecaster()), ("theta", new ThetaForecaster()),
        ];
        string[] rMethods = ["naive", "drift", "ets", "arima", "theta"];
        var smape = new Dictionary<string, List<double>>();
        var mase = new Dictionary<string, List<double>>();
        void Add(string key, double[] actual, double[] forecast, double[] train)
        {
            (smape.TryGetValue(key, out var s) ? s : smape[key] = []).Add(Smape(actual, forecast));
            (mase.TryGetValue(key, out var m) ? m : mase[key] = []).Add(Mase(actual, forecast, train));
        }

        foreach (JsonElement row in rows)
        {
            double[] y = row.GetProperty("y").Doubles();
            double[] train = y[..Train];
            double[] actual = y[Train..];
            foreach (string m in rMethods)
            {
                Add("R " + m, actual, row.GetProperty(m).Doubles(), train);
            }
            var points = new Dictionary<string, double[]>();
            foreach ((string name, IForecaster forecaster) in ours)
            {
                points[name] = forecaster.Forecast(train, Horizon, [80, 95]).Point;
                Add(name, actual, points[name], train);
            }
            // The combinations are means of the component forecasts (Combination_point_matches_its_components
            // checks the classes compute exactly that); composing here avoids refitting ARIMA twice more.
            Add("combination", actual, Mean(points["ets"], points["arima"], points["theta"]), train);
            Add("etsarima", actual, Mean(points["ets"], points["arima"]), train);
            Add("etsarimadrift", actual, Mean(points["ets"], points["arima"], points["drift"]), train);
            Add("auto", actual, Forecaster.Forecast(train, ForecastMethod.Auto, Horizon).Point, train);
        }

        output.WriteLine($"{"method",-14}{"mean sMAPE",12}{"median",10}{"mean MASE",12}{"median",10}");
        foreach (string key in smape.Keys)
        {
            output.WriteLine($"{key,-14}{smape[key].Average(),12:F3}{Median(smape[key]),10:F3}{mase[key].Average(),12:F3}{Median(mase[key]),10:F3}");
        }
        foreach (string m in rMethods)
        {
            AssertClose.Relative(smape["R " + m].Average(), smape[m].Average(), SameMethodTolerance, $"{m} mean sMAPE vs R");
        }
        Assert.True(smape["etsarima"].Average() < smape["R ets"].Average(), "etsarima must keep its lead over R's ets on mean sMAPE on the holdout it was chosen on");
        Assert.True(smape["etsarima"].Average() < smape["R arima"].Average(), "etsarima must keep its lead over R's auto.arima on mean sMAPE on the holdout it was chosen on");
        foreach (string m in new[] { "ets", "theta", "drift", "naive" })
        {
            Assert.True(smape["auto"].Average() < smape["R " + m].Average(), $"auto's mean sMAPE is not below R's {m}");
            Assert.True(mase["auto"].Average() < mase["R " + m].Average(), $"auto's mean MASE is not below R's {m}");
        }
        Assert.True(smape["auto"].Average() > smape["R arima"].Average(), "auto now beats R's auto.arima here: update docs/forecasting-service.md");
    }

    [Fact]
    public void Auto_weighs_ets_arima_dotm_damped_ets_and_drift_by_their_inverse_one_step_mse()
    {
        JsonElement[] rows = Fixture.Load("forecasting/pwt_holdout").GetProperty("series").EnumerateArray().Take(3).ToArray();
        foreach (JsonElement row in rows)
        {
            double[] train = row.GetProperty("y").Doubles()[..Train];

            ForecastResult auto = Forecaster.Forecast(train, ForecastMethod.Auto, Horizon);

            ForecastResult[] parts =
            [
                new EtsForecaster().Forecast(train, Horizon, [80, 95]), new ArimaForecaster().Forecast(train, Horizon, [80, 95]),
                new DynamicOptimisedThetaForecaster().Forecast(train, Horizon, [80, 95]),
                new EtsForecaster("ZZN", damped: true).Forecast(train, Horizon, [80, 95]), new DriftForecaster().Forecast(train, Horizon, [80, 95]),
            ];
            double[] inverse = parts.Select(p =>
            {
                double[] errors = train.Select((y, t) => y - p.Fitted[t]).Where(double.IsFinite).ToArray();
                return 1.0 / errors.Average(e => e * e);
            }).ToArray();
            double[] weights = inverse.Select(w => w / inverse.Sum()).ToArray();
            Assert.Equal("auto", auto.Method);
            Assert.Equal(["weight.ets", "weight.arima", "weight.dotm", "weight.etsdamped", "weight.drift"], auto.ParameterNames);
            for (int k = 0; k < parts.Length; k++)
            {
                AssertClose.Relative(weights[k], auto.Parameters[k], SameArithmeticTolerance, $"weight {k}");
            }
            for (int j = 0; j < Horizon; j++)
            {
                AssertClose.Relative(parts.Select((p, k) => weights[k] * p.Point[j]).Sum(), auto.Point[j], SameArithmeticTolerance, $"point h={j + 1}");
                AssertClose.Relative(parts.Select((p, k) => weights[k] * p.Upper[1][j]).Sum(), auto.Upper[1][j], SameArithmeticTolerance, $"upper 95 h={j + 1}");
                Assert.True(auto.Lower[1][j] <= auto.Lower[0][j] && auto.Lower[0][j] <= auto.Point[j] && auto.Point[j] <= auto.Upper[0][j] && auto.Upper[0][j] <= auto.Upper[1][j]);
            }
        }
    }

    [Fact]
    public void Auto_on_seven_years_leaves_out_damped_ets_and_weighs_the_other_four_and_refuses_six()
    {
        // The last 7 and 6 training years of a real series: damped ETS needs 8, ETS (and so auto) 7.
        double[] full = Fixture.Load("forecasting/pwt_holdout").GetProperty("series").EnumerateArray().First().GetProperty("y").Doubles()[..Train];
        double[] seven = full[^7..];

        ForecastResult auto = Forecaster.Forecast(seven, ForecastMethod.Auto, Horizon);

        ForecastResult[] parts =
        [
            new EtsForecaster().Forecast(seven, Horizon, [80, 95]), new ArimaForecaster().Forecast(seven, Horizon, [80, 95]),
            new DynamicOptimisedThetaForecaster().Forecast(seven, Horizon, [80, 95]), new DriftForecaster().Forecast(seven, Horizon, [80, 95]),
        ];
        double[] inverse = parts.Select(p => 1.0 / seven.Select((y, t) => y - p.Fitted[t]).Where(double.IsFinite).Average(e => e * e)).ToArray();
        Assert.Equal(7, Forecaster.Create(ForecastMethod.Auto).MinimumObservations);
        Assert.Equal(["weight.ets", "weight.arima", "weight.dotm", "weight.drift"], auto.ParameterNames);
        for (int j = 0; j < Horizon; j++)
        {
            AssertClose.Relative(parts.Select((p, k) => inverse[k] / inverse.Sum() * p.Point[j]).Sum(), auto.Point[j], SameArithmeticTolerance, $"point h={j + 1}");
        }

        var tooShort = Assert.Throws<TradeGrid.Domain.InsufficientDataException>(() => Forecaster.Forecast(full[^6..], ForecastMethod.Auto, Horizon));
        Assert.Contains("at least 7 observations", tooShort.Message, StringComparison.Ordinal);
    }

    private static double[] Mean(params double[][] forecasts) =>
        Enumerable.Range(0, forecasts[0].Length).Select(j => forecasts.Average(f => f[j])).ToArray();

    /// <summary>The symmetric MAPE of the M competitions: 200/h·Σ|y − f|/(|y| + |f|).</summary>
    private static double Smape(double[] actual, double[] forecast) =>
        200.0 / actual.Length * actual.Select((a, i) => Math.Abs(a - forecast[i]) / (Math.Abs(a) + Math.Abs(forecast[i]))).Sum();

    /// <summary>Mean absolute error scaled by the in-sample one-step naive MAE.</summary>
    private static double Mase(double[] actual, double[] forecast, double[] train)
    {
        double naive = 0.0;
        for (int t = 1; t < train.Length; t++)
        {
            naive += Math.Abs(train[t] - train[t - 1]);
        }
        naive /= train.Length - 1;
        return actual.Select((a, i) => Math.Abs(a - forecast[i])).Average() / naive;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
