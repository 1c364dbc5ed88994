using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Describe;

/// <summary>
/// What <see cref="DescribeCoordinator.ShareAsync"/> combined: per year the economies' sum (<see cref="Combined"/>), the
/// group total and the share in percent (NaN where none), each economy's share (aligned with the economies asked), and
/// the members' aggregate when the total is the members' sum (null for a published total).
/// </summary>
public sealed record ShareOutcome(
    int[] Years, GroupPartial Combined, double[] Totals, double[] SharePercent, double[][] EconomySharePercent, GroupAggregate? Members);
