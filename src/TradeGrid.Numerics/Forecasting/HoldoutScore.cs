namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// One candidate's rolling-origin holdout error: sMAPE = 200/h·Σ|y − f|/(|y| + |f|) (percent) and MASE
/// (mean absolute error scaled by the training window's in-sample one-step naive MAE), each averaged over origins.
/// </summary>
/// <param name="Method">The candidate's method name.</param>
/// <param name="Smape">Mean sMAPE over origins; NaN when the candidate could not be evaluated.</param>
/// <param name="Mase">Mean MASE over origins; NaN when the candidate could not be evaluated or the naive MAE is zero.</param>
/// <param name="Origins">Origins evaluated.</param>
/// <param name="Failure">Why the candidate was skipped (e.g. too few observations at the first origin); null if evaluated.</param>
public sealed record HoldoutScore(string Method, double Smape, double Mase, int Origins, string? Failure);
