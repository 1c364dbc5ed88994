using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// Roots of c₀ + c₁z + … + c_k z^k (R's polyroot order), as eigenvalues of the companion matrix.
/// R uses the Jenkins–Traub algorithm; both are accurate far beyond the 1.01 modulus threshold
/// auto.arima compares roots against.
/// </summary>
internal static class PolynomialRoots
{
    public static Complex[] Find(double[] coefficients)
    {
        int degree = coefficients.Length - 1;
        while (degree > 0 && coefficients[degree] == 0.0)
        {
            degree--;
        }
        if (degree < 1)
        {
            return [];
        }
        Matrix<double> companion = Matrix<double>.Build.Dense(degree, degree);
        for (int j = 0; j < degree; j++)
        {
            companion[0, j] = -coefficients[degree - 1 - j] / coefficients[degree];
        }
        for (int i = 1; i < degree; i++)
        {
            companion[i, i - 1] = 1.0;
        }
        return companion.Evd().EigenValues.ToArray();
    }

    /// <summary>Smallest root modulus, +Inf for a constant polynomial.</summary>
    public static double MinimumModulus(double[] coefficients)
    {
        Complex[] roots = Find(coefficients);
        return roots.Length == 0 ? double.PositiveInfinity : roots.Min(r => r.Magnitude);
    }
}
