using TradeGrid.Domain;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// An economy asked for its block of a fit absorbed in the grains no longer holds it (its activation ended during the
/// fit, as when its silo is lost): the fit runs again from the start, its blocks built anew.
/// </summary>
public sealed class SweepSessionLostException(string message) : TradeGridException(message);
