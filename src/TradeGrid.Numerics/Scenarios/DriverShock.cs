using TradeGrid.Domain;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// One shock to one driver, applied to the driver's level (before the model's transform: +10% enters a log model as
/// log(1.1·x)). <see cref="PathYears"/>/<see cref="PathValues"/> hold a level path (kind <see cref="ShockKind.LevelPath"/>).
/// With <see cref="PerYear"/> a percent or absolute change compounds (accumulates) each year from the start year.
/// </summary>
public sealed record DriverShock(
    ShockKind Kind,
    double Value,
    int StartYear,
    int FullYear,
    PhaseIn PhaseIn,
    bool PerYear,
    int[] PathYears,
    double[] PathValues)
{
    /// <summary>The shocked level in year t of a driver whose unshocked level is x; x itself before the start year.</summary>
    public double Apply(int year, double x)
    {
        if (year < StartYear)
        {
            return x;
        }

        double w = Weight(year);
        int n = year - StartYear + 1;
        switch (Kind)
        {
            case ShockKind.Percent:
                double m = 1.0 + Value / 100.0;
                double full = PerYear ? Math.Pow(m, n) : m;
                return x * (PhaseIn == PhaseIn.Geometric ? Math.Pow(full, w) : 1.0 + w * (full - 1.0));
            case ShockKind.Absolute:
                return x + w * (PerYear ? Value * n : Value);
            case ShockKind.LevelPath:
                int i = Array.BinarySearch(PathYears, year);
                return i >= 0 ? PathValues[i] : x;
            default:
                if (PhaseIn == PhaseIn.Geometric)
                {
                    if (!(x > 0.0) || !(Value > 0.0))
                    {
                        throw new InvalidSpecException(
                            $"A geometric phase-in to {Value} needs positive levels, and the driver is {x} in {year}; use a linear phase-in.");
                    }

                    return x * Math.Pow(Value / x, w);
                }

                return x + w * (Value - x);
        }
    }

    /// <summary>The phase-in weight in [0, 1] of year t ≥ start (1 from the full year on, and always for an immediate shock).</summary>
    public double Weight(int year)
    {
        if (PhaseIn == PhaseIn.Immediate || FullYear <= StartYear || year >= FullYear)
        {
            return 1.0;
        }

        return (year - StartYear + 1) / (double)(FullYear - StartYear + 1);
    }
}
