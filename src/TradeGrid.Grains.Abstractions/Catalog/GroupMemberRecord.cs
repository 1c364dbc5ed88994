using TradeGrid.Data.Model;

namespace TradeGrid.Grains.Abstractions.Catalog;

/// <summary>A membership of a group for [FromYear, ToYear], 0 meaning open (see <see cref="GroupMembership"/>).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.GroupMemberRecord")]
public sealed record GroupMemberRecord(
    [property: Id(0)] string Group,
    [property: Id(1)] string Member,
    [property: Id(2)] int FromYear,
    [property: Id(3)] int ToYear)
{
    public static GroupMemberRecord From(GroupMembership m) => new(m.Group, m.Member, m.FromYear, m.ToYear);

    public GroupMembership ToMembership() => new(Group, Member, FromYear, ToYear);
}
