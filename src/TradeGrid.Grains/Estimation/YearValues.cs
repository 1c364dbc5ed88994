using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// A variable evaluated from one series for every year it can have a value in (<see cref="VariableValues.Evaluate"/>
/// once per year), so that the rows of every partner read it by index: an economy's own regressors are the same
/// series in each of its partners' rows, and evaluating them per row searched the series once per row.
/// </summary>
internal sealed class YearValues
{
    private readonly int _first;
    private readonly VariableValue[] _values;

    public YearValues(SeriesRecord? series, VariableSpec variable)
    {
        if (series is null || series.Years.Length == 0)
        {
            _values = [];
            return;
        }

        // A value at t reads the series at t − lag (and at t for a difference): every such t lies in this span.
        _first = series.Years[0] + Math.Min(variable.Lag, 0);
        int last = series.Years[^1] + Math.Max(variable.Lag, 0);
        _values = new VariableValue[last - _first + 1];
        for (int t = _first; t <= last; t++)
        {
            _values[t - _first] = VariableValues.Evaluate(series, variable, t);
        }
    }

    /// <summary>The variable's value in a year; not present outside the series' span.</summary>
    public VariableValue At(int year)
    {
        int index = year - _first;
        return (uint)index < (uint)_values.Length ? _values[index] : default;
    }
}
