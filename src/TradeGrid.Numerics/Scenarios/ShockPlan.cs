namespace TradeGrid.Numerics.Scenarios;

/// <summary>A shock on one driver of one economy: <see cref="Active"/>[h] says whether it applies in projected year h (group membership as of that year).</summary>
public sealed record ShockPlan(int Driver, DriverShock Shock, bool[] Active);
