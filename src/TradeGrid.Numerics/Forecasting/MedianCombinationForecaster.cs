using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Median combination in the manner of SCUM (Petropoulos and Svetunkov 2020, "A simple combination of univariate
/// models", IJF 36(1)): at each horizon the median of the components' point forecasts, and at each level the median
/// of their lower bounds and the median of their upper bounds. SCUM's components are ETS, complex exponential
/// smoothing (CES), ARIMA and the dynamic optimised Theta model (<see cref="Scum"/>, method "scumces"). The default
/// components, method "scum", put damped-trend ETS (ets(y, damped = TRUE)) in CES's place, as they did before CES was
/// built here (the default's choice in docs/forecasting-service.md scored them so). With four components the median
/// is the mean of the middle two. The median
/// is used rather than the mean because one component that extrapolates a spurious trend moves a mean but not a
/// median; why the bounds are combined so is in docs/forecasting-service.md.
/// </summary>
public sealed class MedianCombinationForecaster : IForecaster
{
    private readonly IForecaster[] _components;
    private readonly string _name;

    /// <param name="components">Methods whose forecasts are combined; null gives ETS, ARIMA, DOTM and damped ETS.</param>
    /// <param name="name">Method name reported in results.</param>
    public MedianCombinationForecaster(IReadOnlyList<IForecaster>? components = null, string name = "scum")
    {
        _components = components?.ToArray()
            ?? [new EtsForecaster(), new ArimaForecaster(), new DynamicOptimisedThetaForecaster(), new EtsForecaster("ZZN", damped: true, name: "etsdamped")];
        if (_components.Length == 0)
        {
            throw new InvalidSpecException("components must name at least one method to combine.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
    }

    /// <summary>SCUM as Petropoulos and Svetunkov published it: the median of ETS, CES, ARIMA and DOTM.</summary>
    public static MedianCombinationForecaster Scum() =>
        new([new EtsForecaster(), new ComplexExponentialSmoothingForecaster(), new ArimaForecaster(), new DynamicOptimisedThetaForecaster()], "scumces");

    public string Name => _name;

    public int MinimumObservations => _components.Max(c => c.MinimumObservations);

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels) => Forecast(y, horizon, levels, null);

    /// <summary>
    /// As <see cref="Forecast(ReadOnlySpan{double}, int, IReadOnlyList{double})"/>, with the components' forecasts
    /// obtained through <paramref name="component"/> (a caller holding one of them already passes it; null fits
    /// every component), as in <see cref="CombinationForecaster"/>.
    /// </summary>
    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels, Func<IForecaster, ForecastResult>? component)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        ForecastResult[] parts = ComponentForecasts.Collect(_components, series, horizon, levelArray, component);

        double[] point = Median(parts.Select(p => p.Point));
        double[][] lower = levelArray.Select((_, i) => Median(parts.Select(p => p.Lower[i]))).ToArray();
        double[][] upper = levelArray.Select((_, i) => Median(parts.Select(p => p.Upper[i]))).ToArray();
        double[] fitted = Median(parts.Select(p => p.Fitted));
        return new ForecastResult(
            _name,
            $"Median of {string.Join(", ", parts.Select(p => p.Model))}",
            parts.Select(p => $"component.{p.Method}").ToArray(),
            parts.Select(_ => 1.0).ToArray(),
            point,
            levelArray,
            lower,
            upper,
            fitted,
            double.NaN,
            double.NaN,
            double.NaN,
            series.Length);
    }

    /// <summary>Element-wise median; NaN entries (a component without a fitted value there) are left out.</summary>
    internal static double[] Median(IEnumerable<double[]> rows)
    {
        double[][] all = rows.ToArray();
        var median = new double[all[0].Length];
        var column = new List<double>(all.Length);
        for (int j = 0; j < median.Length; j++)
        {
            column.Clear();
            foreach (double[] row in all)
            {
                if (!double.IsNaN(row[j]))
                {
                    column.Add(row[j]);
                }
            }
            if (column.Count == 0)
            {
                median[j] = double.NaN;
                continue;
            }
            column.Sort();
            int mid = column.Count / 2;
            median[j] = column.Count % 2 == 1 ? column[mid] : 0.5 * (column[mid - 1] + column[mid]);
        }
        return median;
    }
}
