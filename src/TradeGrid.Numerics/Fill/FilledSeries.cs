namespace TradeGrid.Numerics.Fill;

/// <summary>A series after gap filling: the values, and per year the method used and the flag to store.</summary>
public sealed record FilledSeries(int[] Years, double[] Values, FillMethod[] Methods, FillFlag[] Flags);
