namespace TradeGrid.Data.Model;

/// <summary>The range of years the server accepts.</summary>
public static class Years
{
    public const int Min = 1800;
    public const int Max = 2200;

    public static bool IsValid(int year) => year is >= Min and <= Max;
}
