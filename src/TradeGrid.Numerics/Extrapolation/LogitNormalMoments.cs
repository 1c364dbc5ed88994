using MathNet.Numerics.LinearAlgebra;

namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// Moments of a share p = inverse logit(η + σZ), Z standard normal: its mean E[p], the derivative of that mean with
/// respect to η (E[p(1 − p)]) and its variance, by Gauss–Hermite quadrature with 48 nodes (Golub–Welsch: the
/// eigenvalues of the Jacobi matrix of the Hermite polynomials and the squared first components of its eigenvectors).
/// The mean share of a logit model with normal errors, as exp(σ²/2) is the mean of a log model's.
/// </summary>
public static class LogitNormalMoments
{
    private const int Nodes = 48;
    private static readonly Lazy<(double[] Z, double[] W)> Rule = new(Build);

    public static (double Mean, double Slope, double Variance) Of(double eta, double sigma)
    {
        (double[] z, double[] w) = Rule.Value;
        double mean = 0.0, slope = 0.0, square = 0.0;
        for (int i = 0; i < z.Length; i++)
        {
            double p = ShareTransform.InverseLogit(eta + sigma * z[i]);
            mean += w[i] * p;
            slope += w[i] * p * (1.0 - p);
            square += w[i] * p * p;
        }

        return (mean, slope, Math.Max(square - mean * mean, 0.0));
    }

    /// <summary>Nodes z_i and weights w_i with Σ w_i f(z_i) ≈ E f(Z) for Z standard normal.</summary>
    private static (double[] Z, double[] W) Build()
    {
        Matrix<double> jacobi = Matrix<double>.Build.Dense(Nodes, Nodes);
        for (int k = 1; k < Nodes; k++)
        {
            double b = Math.Sqrt(k / 2.0);
            jacobi[k, k - 1] = b;
            jacobi[k - 1, k] = b;
        }

        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var z = new double[Nodes];
        var w = new double[Nodes];
        for (int i = 0; i < Nodes; i++)
        {
            // Physicists' nodes t: ∫ e^(−t²) f(t) dt ≈ √π Σ v0² f(t); with Z = √2 t the weights of E f(Z) are v0².
            z[i] = Math.Sqrt(2.0) * evd.EigenValues[i].Real;
            w[i] = evd.EigenVectors[0, i] * evd.EigenVectors[0, i];
        }

        return (z, w);
    }
}
