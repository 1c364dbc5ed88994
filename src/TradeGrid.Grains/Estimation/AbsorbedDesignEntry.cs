using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Grains.Estimation;

/// <summary>A cached design and how to name one of its rows in a note (reporter→partner year).</summary>
public sealed record AbsorbedDesignEntry(AbsorbedDesign Design, Func<int, string> Where);
