using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// Point predictions, standard errors and intervals from a fitted model for one row of regressors, as R's
/// predict(lm, interval = "confidence" | "prediction") and predict(glm, se.fit = TRUE). On the link scale:
/// se(mean) = √(x'Vx), se(new) = √(se(mean)² + σ²), bounds ± t(df)·se. Back on the level: a log model's point is
/// exp(x'b) times the bias correction and its bounds are exp of the log-scale bounds (the quantiles of a new
/// observation under normal errors need no correction); a logit model's bounds are the inverse logit of the link ones
/// and its point the median share, or with the normal correction the mean share; a Poisson mean's point is exp(x'b) with normal bounds on the log
/// scale, as glm's. Response-scale standard errors come from the delta method.
/// </summary>
public static class Predictor
{
    public static Prediction Predict(PredictionModel model, ReadOnlySpan<double> x, double level) =>
        Predict(model, x, level, Critical(model, level));

    /// <summary>The two-sided quantile of the intervals: Student t with the fit's df (normal for a Poisson mean). Costly for large df: compute it once per batch.</summary>
    public static double Critical(PredictionModel model, double level) =>
        Distributions.StudentCritical(level, model.Scale == ResponseScale.PoissonMean ? double.PositiveInfinity : model.Df);

    /// <summary>As <see cref="Predict(PredictionModel, ReadOnlySpan{double}, double)"/> with the quantile from <see cref="Critical"/>.</summary>
    public static Prediction Predict(PredictionModel model, ReadOnlySpan<double> x, double level, double critical)
    {
        model.Validate(x.Length, level);
        int k = model.Parameters;
        double eta = 0.0;
        for (int j = 0; j < k; j++)
        {
            if (!double.IsFinite(x[j]))
            {
                throw new InvalidSpecException($"Regressor {j + 1} of the row is {x[j]}; every regressor needs a finite value.");
            }

            eta += x[j] * model.Coefficients[j];
        }

        double quadratic = 0.0;
        for (int i = 0; i < k; i++)
        {
            double row = 0.0;
            for (int j = 0; j < k; j++)
            {
                row += model.Covariance[i * k + j] * x[j];
            }

            quadratic += x[i] * row;
        }

        bool poisson = model.Scale == ResponseScale.PoissonMean;
        double seMean = Math.Sqrt(Math.Max(quadratic, 0.0));
        double sigma2 = poisson ? double.NaN : model.Sigma * model.Sigma;
        double seNew = poisson ? double.NaN : Math.Sqrt(seMean * seMean + sigma2);
        double q = critical;
        var link = (Mean: (eta - q * seMean, eta + q * seMean), New: (eta - q * seNew, eta + q * seNew));

        (Func<double, double> bound, double point, double slope, double newVariance) = model.Scale switch
        {
            ResponseScale.Log => LogScale(model, eta, sigma2),
            ResponseScale.Logit => LogitScale(model, eta, sigma2),
            ResponseScale.PoissonMean => (Math.Exp, Math.Exp(eta), Math.Exp(eta), double.NaN),
            _ => (v => v, eta, 1.0, sigma2),
        };

        var gradient = new double[k];
        for (int j = 0; j < k; j++)
        {
            gradient[j] = slope * x[j];
        }

        return new Prediction(
            eta, seMean, seNew, link.Mean.Item1, link.Mean.Item2, link.New.Item1, link.New.Item2,
            point, Math.Abs(slope) * seMean, poisson ? double.NaN : Math.Sqrt(slope * slope * seMean * seMean + newVariance),
            bound(link.Mean.Item1), bound(link.Mean.Item2),
            poisson ? double.NaN : bound(link.New.Item1), poisson ? double.NaN : bound(link.New.Item2),
            gradient, newVariance);
    }

    /// <summary>
    /// The point prediction on the series' level for a link value x'b (plus any fixed effect): the same back-transform
    /// and bias correction as <see cref="Predict(PredictionModel, ReadOnlySpan{double}, double, double)"/>, without the
    /// standard errors; scenarios propagate through it.
    /// </summary>
    public static double Point(PredictionModel model, double eta) => model.Scale switch
    {
        ResponseScale.Log => LogScale(model, eta, model.Sigma * model.Sigma).Item2,
        ResponseScale.Logit => LogitScale(model, eta, model.Sigma * model.Sigma).Item2,
        ResponseScale.PoissonMean => Math.Exp(eta),
        _ => eta,
    };

    /// <summary>The inverse link alone (no bias correction): the level of a link value that already carries its residual.</summary>
    public static double InverseLink(ResponseScale scale, double eta) => scale switch
    {
        ResponseScale.Log or ResponseScale.PoissonMean => Math.Exp(eta),
        ResponseScale.Logit => ShareTransform.InverseLogit(eta),
        _ => eta,
    };

    /// <summary>Log scale: the point is the corrected mean; a new observation's variance is that of a log-normal.</summary>
    private static (Func<double, double>, double, double, double) LogScale(PredictionModel model, double eta, double sigma2)
    {
        double point = Math.Exp(eta) * model.LogFactor;
        return (Math.Exp, point, point, point * point * double.ExpM1(sigma2));
    }

    /// <summary>
    /// Logit scale. With the normal correction the point is the mean share E[inverse logit(x'b + ε)], ε ~ N(0, σ²),
    /// its slope E[p(1 − p)] and a new observation's variance that of the logit-normal share
    /// (<see cref="LogitNormalMoments"/>); otherwise the point is the median share inverse logit(x'b), with slope
    /// p(1 − p) and the variance by the delta method.
    /// </summary>
    private static (Func<double, double>, double, double, double) LogitScale(PredictionModel model, double eta, double sigma2)
    {
        if (model.Correction == BiasCorrection.Normal)
        {
            (double mean, double meanSlope, double variance) = LogitNormalMoments.Of(eta, Math.Sqrt(sigma2));
            return (ShareTransform.InverseLogit, mean, meanSlope, variance);
        }

        double p = ShareTransform.InverseLogit(eta);
        double slope = p * (1.0 - p);
        return (ShareTransform.InverseLogit, p, slope, slope * slope * sigma2);
    }
}
