namespace TradeGrid.Numerics.Scenarios;

/// <summary>The Monte Carlo switches of a run: the seed of every stream, driver errors shared across economies, residual noise, bootstrapped driver innovations.</summary>
public sealed record SimulationOptions(ulong Seed, bool CommonShocks, bool ResidualNoise, bool Bootstrap);
