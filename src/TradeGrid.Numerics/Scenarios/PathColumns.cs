namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Monte Carlo paths by year: <c>Baseline[h][p]</c> and <c>Scenario[h][p]</c> for the paths of a block, one array per
/// year (10,000 paths are 80 KB a year: short-lived arrays below the large-object threshold, written four paths at a
/// time). A year that no shock reaches has the same array for the scenario as for the baseline: its values are the
/// baseline's bit for bit (common random numbers), so they are neither simulated nor stored twice
/// (<see cref="PathSimulator.Simulate(ScenarioModel, double[], EconomyScenarioInput, SimulationOptions, long, int)"/> makes such columns).
/// </summary>
public sealed record PathColumns(double[][] Baseline, double[][] Scenario)
{
    public int Years => Baseline.Length;

    /// <summary>Paths held (each year's array length).</summary>
    public int Paths => Baseline.Length == 0 ? 0 : Baseline[0].Length;

    /// <summary>Whether year h's scenario is its baseline (the same array).</summary>
    public bool Aliased(int h) => ReferenceEquals(Baseline[h], Scenario[h]);

    /// <summary>Uninitialised columns for <paramref name="paths"/> paths; the years in which <paramref name="shocked"/> is false share one array.</summary>
    public static PathColumns Uninitialised(int years, int paths, Func<int, bool> shocked)
    {
        var b = new double[years][];
        var s = new double[years][];
        for (int h = 0; h < years; h++)
        {
            b[h] = GC.AllocateUninitializedArray<double>(paths);
            s[h] = shocked(h) ? GC.AllocateUninitializedArray<double>(paths) : b[h];
        }

        return new PathColumns(b, s);
    }

    /// <summary>Zeroed columns, baseline and scenario apart (sums over economies).</summary>
    public static PathColumns Zeros(int years, int paths) =>
        new(Enumerable.Range(0, years).Select(_ => new double[paths]).ToArray(), Enumerable.Range(0, years).Select(_ => new double[paths]).ToArray());

    /// <summary>Columns from row-major [path, year] blocks (a caller's own arrays); the scenario gets arrays of its own.</summary>
    public static PathColumns FromRows(ReadOnlySpan<double> baseline, ReadOnlySpan<double> scenario, int years)
    {
        int paths = baseline.Length / years;
        PathColumns c = Zeros(years, paths);
        for (int p = 0; p < paths; p++)
        {
            for (int h = 0; h < years; h++)
            {
                (c.Baseline[h][p], c.Scenario[h][p]) = (baseline[p * years + h], scenario[p * years + h]);
            }
        }

        return c;
    }

    /// <summary>The paths row-major, [path, year], baseline and scenario.</summary>
    public (double[] Baseline, double[] Scenario) ToRows()
    {
        int years = Years;
        int paths = Paths;
        var b = new double[paths * years];
        var s = new double[paths * years];
        for (int h = 0; h < years; h++)
        {
            for (int p = 0; p < paths; p++)
            {
                (b[p * years + h], s[p * years + h]) = (Baseline[h][p], Scenario[h][p]);
            }
        }

        return (b, s);
    }
}
