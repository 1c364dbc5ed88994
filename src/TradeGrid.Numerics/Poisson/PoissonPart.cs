using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// One block's contribution to one IRLS iteration, given the current coefficients: the QR part of its
/// √μ-weighted, μ-weighted-demeaned rows [X̃ z̃], and its deviance at the current μ (for the stopping rule).
/// </summary>
/// <param name="Qr">Tall-skinny QR part of the iteration's weighted least-squares problem.</param>
/// <param name="Deviance">2Σ[y log(y/μ) − (y − μ)] over the block's kept rows at the coefficients it was given.</param>
/// <param name="SumY">Σy over the kept rows; zero everywhere means an all-zero dependent.</param>
public sealed record PoissonPart(QrPart Qr, double Deviance, double SumY);
