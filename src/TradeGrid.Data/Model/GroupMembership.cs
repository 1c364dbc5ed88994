namespace TradeGrid.Data.Model;

/// <summary>
/// One economy's membership of a group for the years [FromYear, ToYear]; 0 means open on that side
/// (RCEP holds for most members from 2022: FromYear = 2022, ToYear = 0).
/// </summary>
public sealed record GroupMembership(string Group, string Member, int FromYear, int ToYear)
{
    public bool HoldsIn(int year) => (FromYear == 0 || year >= FromYear) && (ToYear == 0 || year <= ToYear);

    public bool OverlapsRange(int from, int to) => (FromYear == 0 || to == 0 || FromYear <= to) && (ToYear == 0 || from == 0 || ToYear >= from);
}
