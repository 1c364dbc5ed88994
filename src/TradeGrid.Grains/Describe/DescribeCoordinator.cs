using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Writes;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Describe;

/// <summary>
/// Fans describe and fill requests out to the economy grains (<see cref="IEconomyDescribeGrain"/>) with Task.WhenAll and
/// combines their parts with the numerics (<see cref="GroupAggregation.Combine"/>, <see cref="Contributions.Between"/>).
/// No member's full series leaves its grain: growth, partials, values at a few years, or filled series come back.
/// A plain class (no state, no grain identity), so it runs wherever the gateway calls it.
/// </summary>
public sealed class DescribeCoordinator(IGrainFactory grains, WriteCoordinator writes)
{
    public DescribeCoordinator(IGrainFactory grains)
        : this(grains, new WriteCoordinator(grains))
    {
    }

    /// <summary>Each economy's growth, in the order given; economies without data in the years asked are left out.</summary>
    public async Task<IReadOnlyList<(string Economy, SeriesGrowthRecord Growth)>> GrowthAsync(
        IReadOnlyList<string> economies, string indicator, int from, int to, bool strict, CancellationToken cancellationToken)
    {
        SeriesGrowthRecord?[] parts = await Task.WhenAll(economies.Select(e =>
            grains.EconomyDescribe(e).GetGrowth(indicator, from, to, strict, cancellationToken).AsTask()));
        return Present(economies, parts);
    }

    /// <summary>
    /// The years [from, to] of a group request; an open side (0) becomes the first (last) year in which a member holds
    /// the indicator while in the group, so that a default range never starts before the group has data.
    /// </summary>
    public async Task<int[]> YearsAsync(
        string group, IReadOnlyList<GroupMembership> members, string indicator, int from, int to, CancellationToken cancellationToken)
    {
        if (from != 0 && to != 0)
        {
            return Enumerable.Range(from, to - from + 1).ToArray();
        }
        YearSpanRecord?[] spans = await Task.WhenAll(members.Select(m => grains.EconomyDescribe(m.Member).GetSpan(indicator, cancellationToken).AsTask()));
        int first = int.MaxValue;
        int last = int.MinValue;
        if (spans.All(s => s is null))
        {
            throw new InsufficientDataException($"No member of {group} has values of {indicator}; import them, or choose another indicator or group.");
        }
        for (int i = 0; i < members.Count; i++)
        {
            if (spans[i] is not { } span)
            {
                continue;
            }
            // Clip the member's data to the years it belongs to the group.
            int a = members[i].FromYear == 0 ? span.First : Math.Max(span.First, members[i].FromYear);
            int b = members[i].ToYear == 0 ? span.Last : Math.Min(span.Last, members[i].ToYear);
            if (a <= b)
            {
                first = Math.Min(first, a);
                last = Math.Max(last, b);
            }
        }
        first = from != 0 ? from : first;
        last = to != 0 ? to : last;
        if (first == int.MaxValue || last == int.MinValue)
        {
            throw new InsufficientDataException(
                $"The members of {group} have no values of {indicator} in the years they belong to it; name the economies instead of the group for another composition, or import later years.");
        }
        if (first > last)
        {
            throw new InsufficientDataException($"The members of {group} have no values of {indicator} in the years asked ({from}–{to}); choose other years.");
        }
        return Enumerable.Range(first, last - first + 1).ToArray();
    }

    /// <summary>Each member's partial for <paramref name="years"/>, in member order; membership years become the in-group mask.</summary>
    public async Task<GroupPartial[]> PartialsAsync(
        IReadOnlyList<GroupMembership> members, string indicator, int[] years, string weightIndicator, string gdpIndicator, CancellationToken cancellationToken)
    {
        return await Task.WhenAll(members.Select(m =>
        {
            bool[]? inGroup = m.FromYear == 0 && m.ToYear == 0 ? null : years.Select(m.HoldsIn).ToArray();
            var spec = new GroupPartialSpec(indicator, years, weightIndicator, gdpIndicator, inGroup);
            return grains.EconomyDescribe(m.Member).GetGroupPartial(spec, cancellationToken).AsTask();
        }));
    }

    /// <summary>The group's sum, mean, median, weighted mean and coverage per year.</summary>
    /// <exception cref="InsufficientDataException">A year in which no member has a value (named).</exception>
    public async Task<GroupAggregate> AggregateAsync(
        string group, IReadOnlyList<GroupMembership> members, string indicator, int[] years, string weightIndicator, string gdpIndicator,
        CancellationToken cancellationToken)
    {
        GroupPartial[] partials = await PartialsAsync(members, indicator, years, weightIndicator, gdpIndicator, cancellationToken);
        return GroupAggregation.Combine(group, partials);
    }

    /// <summary>One economy's indicator at <paramref name="years"/> (NaN where missing).</summary>
    public Task<double[]> ValuesAtAsync(string economy, string indicator, int[] years, CancellationToken cancellationToken) =>
        grains.EconomyDescribe(economy).GetValuesAt(indicator, years, cancellationToken).AsTask();

    /// <summary>
    /// Shares of <paramref name="economies"/> (together and each) in the group total at the years where they have values
    /// within [from, to]: the total is the members' sum, or with <paramref name="publishedTotal"/> the group's own series of it.
    /// </summary>
    public async Task<ShareOutcome> ShareAsync(
        string label, IReadOnlyList<GroupMembership> economies, string group, IReadOnlyList<GroupMembership> members, string indicator,
        int from, int to, string? publishedTotal, CancellationToken cancellationToken)
    {
        int[] years = await YearsAsync(label, economies, indicator, from, to, cancellationToken);
        Task<GroupPartial[]> ownTask = PartialsAsync(economies, indicator, years, string.Empty, string.Empty, cancellationToken);
        GroupAggregate? memberSum = publishedTotal is null
            ? await AggregateAsync(group, members, indicator, years, string.Empty, string.Empty, cancellationToken)
            : null;
        double[] totals = memberSum?.Sum ?? await PublishedTotalsAsync(group, publishedTotal!, years, cancellationToken); // ! : null only when memberSum is set
        GroupPartial[] own = await ownTask;
        GroupPartial combined = own.Aggregate(GroupAggregation.Merge);
        double[] share = Share.Percent(ValuesOf(combined, years), totals);
        double[][] economyShares = own.Select(p => Share.Percent(ValuesOf(p, years), totals)).ToArray();
        return new ShareOutcome(years, combined, totals, share, economyShares, memberSum);
    }

    /// <summary>A group's published total at <paramref name="years"/>; every year must have one.</summary>
    /// <exception cref="InsufficientDataException">Years without a published value (named).</exception>
    public async Task<double[]> PublishedTotalsAsync(string group, string totalIndicator, int[] years, CancellationToken cancellationToken)
    {
        double[] total = await ValuesAtAsync(group, totalIndicator, years, cancellationToken);
        int[] missing = years.Where((_, i) => double.IsNaN(total[i])).ToArray();
        return missing.Length == 0
            ? total
            : throw new InsufficientDataException(
                $"{group} has no published {totalIndicator} in {string.Join(", ", missing)}; ask for years it has, or use the members' sum.");
    }

    private static double[] ValuesOf(GroupPartial partial, int[] years) =>
        years.Select((_, t) => partial.Present[t] > 0 ? partial.Sum[t] : double.NaN).ToArray();

    /// <summary>
    /// Contributions of the members to the growth of the group total from <paramref name="from"/> to <paramref name="to"/>;
    /// with <paramref name="publishedTotal"/> the total is that economy's series of <paramref name="totalIndicator"/>.
    /// </summary>
    /// <returns>The table, and each member's value in the two years (NaN where missing), aligned with the members.</returns>
    public async Task<(ContributionTable Table, double[] FromValues, double[] ToValues)> ContributionsAsync(
        string group, IReadOnlyList<string> members, string indicator, int from, int to, string? publishedTotal, string totalIndicator,
        CancellationToken cancellationToken)
    {
        int[] years = [from, to];
        double[][] values = await Task.WhenAll(members.Select(m => ValuesAtAsync(m, indicator, years, cancellationToken)));
        double? totalFrom = null;
        double? totalTo = null;
        if (publishedTotal is not null)
        {
            double[] total = await PublishedTotalsAsync(publishedTotal, totalIndicator, years, cancellationToken);
            (totalFrom, totalTo) = (total[0], total[1]);
        }
        double[] fromValues = values.Select(v => v[0]).ToArray();
        double[] toValues = values.Select(v => v[1]).ToArray();
        return (Contributions.Between(group, from, to, [.. members], fromValues, toValues, totalFrom, totalTo), fromValues, toValues);
    }

    /// <summary>A ratio or balance for each economy, in the order given; economies with neither series are left out.</summary>
    public async Task<IReadOnlyList<(string Economy, PairRecord Pair)>> PairAsync(
        IReadOnlyList<string> economies, PairSpec spec, CancellationToken cancellationToken)
    {
        PairRecord?[] parts = await Task.WhenAll(economies.Select(e => grains.EconomyDescribe(e).GetPair(spec, cancellationToken).AsTask()));
        return Present(economies, parts);
    }

    /// <summary>Checks an economy's published columns.</summary>
    public Task<GrowthCheck[]> CheckPublishedGrowthAsync(
        string economy, PublishedColumnSpec[] columns, int rateDecimals, int? levelDecimals, CancellationToken cancellationToken) =>
        grains.EconomyDescribe(economy).CheckPublishedGrowth(columns, rateDecimals, levelDecimals, cancellationToken).AsTask();

    /// <summary>
    /// Fills each economy's series. Every economy computes its fill first (in parallel); if any refuses, the first
    /// refusal is thrown (naming how many others refused) and nothing is stored. Only then, unless a dry run, the fills
    /// are stored as one atomic write (<see cref="WriteCoordinator"/>). Economies without any value of the indicator are left out.
    /// </summary>
    public async Task<IReadOnlyList<(string Economy, FillRecord Fill)>> FillAsync(
        IReadOnlyList<string> economies, FillSpec spec, bool dryRun, CancellationToken cancellationToken)
    {
        Task<FillRecord?>[] previews = economies.Select(e => grains.EconomyDescribe(e).Fill(spec, store: false, cancellationToken).AsTask()).ToArray();
        FillRecord?[] preview;
        try
        {
            preview = await Task.WhenAll(previews);
        }
        catch (TradeGridException)
        {
            throw Refusal(economies, previews);
        }
        if (dryRun)
        {
            return Present(economies, preview);
        }

        // Every economy can be filled: each stages its fill, then all are committed as one write. A refusal now (the
        // data changed since the preview) or the caller's cancellation before the commit point stores nothing.
        string[] filling = economies.Where((_, i) => preview[i] is { FilledCount: > 0 }).ToArray();
        FillRecord?[] stored = preview;
        WriteReceipt receipt = await writes.StageAndCommitAsync(filling, async writeId =>
        {
            FillSpec staging = spec with { WriteId = writeId };
            stored = await Task.WhenAll(economies.Select((e, i) => preview[i] is { FilledCount: > 0 }
                ? grains.EconomyDescribe(e).Fill(staging, store: true, cancellationToken).AsTask()
                : Task.FromResult(preview[i])));
            return economies.Where((_, i) => stored[i] is { FilledCount: > 0 }).ToArray();
        }, cancellationToken);
        return Present(economies, stored.Select((f, i) => f is { FilledCount: > 0 } && receipt.Versions.TryGetValue(economies[i], out long version)
            ? f with { Version = version }
            : f).ToArray());
    }

    private static TradeGridException Refusal(IReadOnlyList<string> economies, Task<FillRecord?>[] previews)
    {
        var refused = new List<(string Economy, TradeGridException Error)>();
        for (int i = 0; i < previews.Length; i++)
        {
            if (previews[i].Exception?.InnerException is TradeGridException error)
            {
                refused.Add((economies[i], error));
            }
        }
        // Only domain refusals reach here (the catch filters on them); anything else was rethrown by WhenAll.
        TradeGridException first = refused[0].Error;
        string others = refused.Count > 1
            ? $" ({refused.Count - 1} more refused: {string.Join(", ", refused.Skip(1).Select(r => r.Economy))})"
            : string.Empty;
        string message = $"{first.Message}{others}. Nothing was stored.";
        return first switch
        {
            InvalidSpecException => new InvalidSpecException(message),
            InsufficientDataException => new InsufficientDataException(message),
            _ => first,
        };
    }

    private static IReadOnlyList<(string Economy, T Part)> Present<T>(IReadOnlyList<string> economies, T?[] parts)
        where T : class
    {
        var present = new List<(string, T)>(parts.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] is { } part)
            {
                present.Add((economies[i], part));
            }
        }
        return present;
    }
}
