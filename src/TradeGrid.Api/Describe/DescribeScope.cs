using TradeGrid.Data.Model;

namespace TradeGrid.Api.Describe;

/// <summary>
/// The economies a describe request covers, sorted by code, each with the years it belongs to the group
/// (0/0 for economies named in the request). <see cref="Label"/> names the set in messages.
/// </summary>
public sealed record DescribeScope(string Label, string Group, IReadOnlyList<GroupMembership> Members)
{
    public IReadOnlyList<string> Economies { get; } = Members.Select(m => m.Member).ToArray();

    public bool IsGroup => Group.Length > 0;
}
