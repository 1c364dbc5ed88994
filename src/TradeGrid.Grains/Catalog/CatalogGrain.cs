using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Catalog;

/// <summary>The catalogue: economies, indicators, group memberships. Serves one cached immutable snapshot per version.</summary>
public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Provider)] IPersistentState<CatalogState> state) : Grain, ICatalogGrain
{
    private CatalogSnapshot? _snapshot;

    public ValueTask<CatalogSnapshot> GetSnapshot(CancellationToken cancellationToken)
    {
        CatalogState s = state.State;
        _snapshot ??= new CatalogSnapshot(
            s.Economies.Values.OrderBy(e => e.Code, StringComparer.Ordinal).ToArray(),
            s.Indicators.Values.OrderBy(i => i.Code, StringComparer.Ordinal).ToArray(),
            s.Groups.Values.OrderBy(g => g.Group, StringComparer.Ordinal).ThenBy(g => g.Member, StringComparer.Ordinal).ToArray(),
            s.Version);
        return ValueTask.FromResult(_snapshot);
    }

    public async ValueTask AddEconomies(EconomyRecord[] economies, CancellationToken cancellationToken)
    {
        bool changed = false;
        foreach (EconomyRecord economy in economies)
        {
            if (!state.State.Economies.TryGetValue(economy.Code, out EconomyRecord? known) || known != economy)
            {
                state.State.Economies[economy.Code] = economy;
                changed = true;
            }
        }
        await SaveIf(changed, cancellationToken);
    }

    public async ValueTask<string[]> AddIndicators(IndicatorRecord[] indicators, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        bool changed = false;
        foreach (IndicatorRecord indicator in indicators)
        {
            if (!state.State.Indicators.TryGetValue(indicator.Code, out IndicatorRecord? known))
            {
                state.State.Indicators[indicator.Code] = indicator;
                added.Add(indicator.Code);
                changed = true;
            }
            else if (known != indicator && Describes(indicator) > Describes(known))
            {
                state.State.Indicators[indicator.Code] = indicator;
                changed = true;
            }
        }
        await SaveIf(changed, cancellationToken);
        return added.ToArray();
    }

    public async ValueTask AddGroupMembers(GroupMemberRecord[] members, CancellationToken cancellationToken)
    {
        bool changed = false;
        foreach (GroupMemberRecord member in members)
        {
            string key = member.Group + "|" + member.Member;
            if (!state.State.Groups.TryGetValue(key, out GroupMemberRecord? known) || known != member)
            {
                state.State.Groups[key] = member;
                changed = true;
            }
        }
        await SaveIf(changed, cancellationToken);
    }

    /// <summary>How much an indicator record says: an import that only knows the code must not erase a description.</summary>
    private static int Describes(IndicatorRecord r) =>
        (r.Name.Length > 0 && r.Name != r.Code ? 1 : 0) + (r.Unit.Length > 0 ? 1 : 0) + (r.Source.Length > 0 ? 1 : 0) + (r.Description.Length > 0 ? 1 : 0);

    private async ValueTask SaveIf(bool changed, CancellationToken cancellationToken)
    {
        if (!changed)
        {
            return;
        }
        state.State.Version++;
        _snapshot = null;
        await state.WriteStateAsync(cancellationToken);
    }
}
