using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>Each shock kind and phase-in against its definition, year by year.</summary>
public sealed class DriverShockTests
{
    [Fact]
    public void Percent_per_year_compounds_from_the_start_year()
    {
        var shock = new DriverShock(ShockKind.Percent, 1.0, 2020, 0, PhaseIn.Immediate, true, [], []);
        Assert.Equal(50.0, shock.Apply(2019, 50.0));
        Assert.Equal(50.0 * 1.01, shock.Apply(2020, 50.0), 1e-12);
        Assert.Equal(50.0 * Math.Pow(1.01, 3), shock.Apply(2022, 50.0), 1e-12);
    }

    [Fact]
    public void Linear_and_geometric_targets_reach_the_level_in_the_full_year_and_hold_it()
    {
        var linear = new DriverShock(ShockKind.Target, 20.0, 2021, 2024, PhaseIn.Linear, false, [], []);
        var geometric = linear with { PhaseIn = PhaseIn.Geometric };
        Assert.Equal(10.0 + 0.25 * 10.0, linear.Apply(2021, 10.0), 1e-12);
        Assert.Equal(10.0 + 0.75 * 10.0, linear.Apply(2023, 10.0), 1e-12);
        Assert.Equal(20.0, linear.Apply(2024, 10.0), 1e-12);
        Assert.Equal(20.0, linear.Apply(2030, 12.0), 1e-12);
        Assert.Equal(10.0 * Math.Pow(2.0, 0.5), geometric.Apply(2022, 10.0), 1e-12);
    }

    [Fact]
    public void Level_paths_replace_the_years_they_give()
    {
        var path = new DriverShock(ShockKind.LevelPath, 0, 2020, 0, PhaseIn.Immediate, false, [2021, 2023], [5.0, 7.0]);
        Assert.Equal(5.0, path.Apply(2021, 1.0));
        Assert.Equal(1.0, path.Apply(2022, 1.0));
        Assert.Equal(7.0, path.Apply(2023, 1.0));
    }

    [Fact]
    public void Absolute_with_linear_phase_in()
    {
        var shock = new DriverShock(ShockKind.Absolute, 4.0, 2020, 2023, PhaseIn.Linear, false, [], []);
        Assert.Equal(1.0 + 1.0, shock.Apply(2020, 1.0), 1e-12);
        Assert.Equal(1.0 + 4.0, shock.Apply(2025, 1.0), 1e-12);
    }
}
