using TradeGrid.Domain;

namespace TradeGrid.Numerics.Panel;

/// <summary>
/// The fixed effects of a panel model, shared by every block of one fit.
/// Entity effects are absorbed by the within transformation; year effects are dummy columns placed before the
/// slopes (one per year after the first when entity effects absorb the level, one per year otherwise), which is
/// exact for unbalanced panels and leaves only a handful of columns.
/// </summary>
/// <param name="EntityEffects">Absorb an effect per entity (economy or pair) by the within transformation.</param>
/// <param name="Years">Sorted distinct years of the whole sample for year effects; empty for none. Every block gets the same list.</param>
public sealed record PanelSpec(bool EntityEffects, int[] Years)
{
    /// <summary>No effects: pooled PPML on the caller's columns (put an intercept among them).</summary>
    public static PanelSpec None { get; } = new(false, []);

    /// <summary>Number of year-dummy columns placed before the slopes.</summary>
    public int YearDummies => Years.Length == 0 ? 0 : EntityEffects ? Years.Length - 1 : Years.Length;

    /// <summary>Names of the full design: the year dummies, then the slopes.</summary>
    public string[] DesignNames(IReadOnlyList<string> slopes)
    {
        int skip = Years.Length - YearDummies;
        return Years.Skip(skip).Select(y => $"year={y}").Concat(slopes).ToArray();
    }

    /// <summary>Whether <paramref name="other"/> asks for the same effects over the same years (the record's own equality compares the year arrays by reference).</summary>
    public bool SameEffects(PanelSpec? other) =>
        other is not null && other.EntityEffects == EntityEffects && other.Years.AsSpan().SequenceEqual(Years);

    /// <summary>Refuses an inconsistent spec, naming the field.</summary>
    public void Validate()
    {
        for (int t = 1; t < Years.Length; t++)
        {
            if (Years[t] <= Years[t - 1])
            {
                throw new InvalidSpecException($"Years must be sorted and distinct; {Years[t]} follows {Years[t - 1]}.");
            }
        }
    }
}
