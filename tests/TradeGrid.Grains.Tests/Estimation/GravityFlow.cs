namespace TradeGrid.Grains.Tests.Estimation;

/// <summary>One generated flow of a gravity panel: reporter and partner by index, the year, a pair cost and the flow.</summary>
internal sealed record GravityFlow(int Reporter, int Partner, int Year, double Cost, double Y);
