namespace TradeGrid.Domain;

/// <summary>A fit id that no fit on this cluster has (fits live in memory: a restart forgets them).</summary>
public sealed class FitNotFoundException(string fitId)
    : TradeGridException($"fit_id: no fit '{fitId}' on this cluster; see ListFits, or call Fit");
