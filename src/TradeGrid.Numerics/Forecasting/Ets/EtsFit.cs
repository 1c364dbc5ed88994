namespace TradeGrid.Numerics.Forecasting.Ets;

/// <summary>A fitted non-seasonal ETS model with R's information criteria (forecast:::etsmodel's output).</summary>
internal sealed record EtsFit(
    EtsCandidate Model,
    double Alpha,
    double Beta,
    double Phi,
    double InitialLevel,
    double InitialSlope,
    double LastLevel,
    double LastSlope,
    double Lik,
    double Aic,
    double Aicc,
    double Bic,
    double Sigma2,
    double[] Fitted)
{
    public double LogLikelihood => -0.5 * Lik;

    public (string[] Names, double[] Values) Parameters()
    {
        var names = new List<string> { "alpha" };
        var values = new List<double> { Alpha };
        if (Model.Trend)
        {
            names.Add("beta");
            values.Add(Beta);
        }
        if (Model.Damped)
        {
            names.Add("phi");
            values.Add(Phi);
        }
        names.Add("l");
        values.Add(InitialLevel);
        if (Model.Trend)
        {
            names.Add("b");
            values.Add(InitialSlope);
        }
        return (names.ToArray(), values.ToArray());
    }
}
