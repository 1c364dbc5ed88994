using TradeGrid.Domain;

namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// What prediction needs from a fit: coefficients and their covariance (row-major K×K), σ and the residual df of the
/// t quantiles, the scale of the dependent and, for a log dependent, the bias correction with Duan's smearing factor
/// (the mean of exp(residual) over the fit's rows; NaN when not computed).
/// </summary>
public sealed record PredictionModel(
    double[] Coefficients,
    double[] Covariance,
    double Sigma,
    double Df,
    ResponseScale Scale,
    BiasCorrection Correction = BiasCorrection.Smearing,
    double SmearingFactor = double.NaN)
{
    public int Parameters => Coefficients.Length;

    /// <summary>The factor that multiplies exp(x'b) on a log scale: smearing, exp(σ²/2) or 1.</summary>
    public double LogFactor => Correction switch
    {
        BiasCorrection.Smearing => double.IsNaN(SmearingFactor)
            ? throw new InvalidSpecException("Smearing needs the fit's residuals: compute the smearing factor, or choose the normal or no correction.")
            : SmearingFactor,
        BiasCorrection.Normal => Math.Exp(Sigma * Sigma / 2.0),
        _ => 1.0,
    };

    /// <summary>Refuses a model that cannot predict: sizes that disagree, non-finite numbers, a level outside (0, 1).</summary>
    public void Validate(int columns, double level)
    {
        int k = Coefficients.Length;
        if (k == 0 || Covariance.Length != k * k)
        {
            throw new ArgumentException($"A model of {k} coefficients needs a {k}×{k} covariance, got {Covariance.Length} values.");
        }

        if (columns != k)
        {
            throw new InvalidSpecException($"A row of {columns} regressors for a model of {k} coefficients; give one value per coefficient.");
        }

        if (!(level > 0.0 && level < 1.0))
        {
            throw new InvalidSpecException($"Interval level {level} is outside (0, 1); give e.g. 0.95.");
        }

        if (Scale != ResponseScale.PoissonMean && !(Df > 0.0))
        {
            throw new InsufficientDataException($"The fit has {Df} residual degrees of freedom: a prediction interval needs at least one.");
        }
    }
}
