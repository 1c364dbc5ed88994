namespace TradeGrid.Numerics.Forecasting;

/// <summary>The outcome of <see cref="HoldoutSelector"/>: every candidate's holdout error, the winner and its forecast on the full series.</summary>
/// <param name="Winner">Method name of the candidate with the lowest holdout error.</param>
/// <param name="Criterion">"smape" or "mase": what the winner was chosen on.</param>
/// <param name="Scores">Every candidate's holdout errors, in the caller's candidate order.</param>
/// <param name="Forecast">The winner refitted on the whole series.</param>
public sealed record HoldoutSelection(string Winner, string Criterion, HoldoutScore[] Scores, ForecastResult Forecast);
