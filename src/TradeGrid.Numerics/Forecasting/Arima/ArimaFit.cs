namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// One fitted non-seasonal ARIMA(p,d,q) with R's names and criteria. Constant means the intercept (d = 0)
/// or the drift (d = 1). <see cref="Ic"/> is what auto.arima compares: AICc, or +Inf when myarima rejects the fit
/// (roots within 1.01 of the unit circle, or a coefficient variance that is negative). The variance check needs
/// a numerical Hessian (a quarter of a fit's cost) and can only turn a criterion into +Inf, so it is evaluated
/// on first use of <see cref="Ic"/>: the search asks only when the AICc would beat the best so far, which
/// leaves every comparison, and so the chosen model, exactly as in R.
/// </summary>
internal sealed record ArimaFit(
    int P,
    int D,
    int Q,
    bool Constant,
    string[] Names,
    double[] Coefficients,
    double LogLikelihood,
    double Aic,
    double Aicc,
    double Sigma2,
    bool RootsOk,
    Lazy<bool> CovarianceOk,
    double[] Residuals,
    ArimaStateSpace StateSpace)
{
    public double Ic => RootsOk && !double.IsNaN(Aicc) && CovarianceOk.Value ? Aicc : double.PositiveInfinity;

    /// <summary>R's arima.string without padding.</summary>
    public string ModelString =>
        $"ARIMA({P},{D},{Q})" + (Constant ? (D == 0 ? " with non-zero mean" : " with drift") : (D == 0 ? " with zero mean" : string.Empty));

    public double ConstantValue => Constant ? Coefficients[^1] : 0.0;
}
