using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Draws of the coefficients from N(β, V): β + A·z with A·A' = V and z standard normal. A is the Cholesky factor of V
/// (lower triangular); a covariance that is only semi-definite (a cluster-robust V of rank below k) gets A = Q·√Λ₊
/// from its eigendecomposition instead, so the draws have covariance V exactly in both cases.
/// </summary>
public static class CoefficientSampler
{
    /// <summary>A (k×k, row-major) for the covariance V (k×k, row-major).</summary>
    public static double[] Factor(double[] covariance, int k)
    {
        if (covariance.Length != k * k)
        {
            throw new ArgumentException($"A {k}×{k} covariance needs {k * k} values, got {covariance.Length}.");
        }

        Matrix<double> v = Matrix<double>.Build.Dense(k, k, (i, j) => 0.5 * (covariance[i * k + j] + covariance[j * k + i]));
        Matrix<double> a;
        try
        {
            a = v.Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            var eigen = v.Evd(Symmetricity.Symmetric);
            Vector<double> root = eigen.EigenValues.Map(l => Math.Sqrt(Math.Max(l.Real, 0.0)));
            a = eigen.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(root);
        }

        var factor = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                factor[i * k + j] = a[i, j];
            }
        }

        return factor;
    }

    /// <summary>Writes β + A·z into draw, z from the path's coefficient stream (the same for every economy).</summary>
    public static void Draw(ReadOnlySpan<double> beta, ReadOnlySpan<double> factor, ulong seed, long path, Span<double> z, Span<double> draw)
    {
        int k = beta.Length;
        RandomStream stream = RandomStream.For(seed, StreamPurpose.Coefficients, 0, path);
        for (int j = 0; j < k; j++)
        {
            z[j] = stream.NextNormal();
        }

        for (int i = 0; i < k; i++)
        {
            double s = beta[i];
            for (int j = 0; j < k; j++)
            {
                s += factor[i * k + j] * z[j];
            }

            draw[i] = s;
        }
    }

    /// <summary>
    /// <see cref="Draw"/> for four consecutive paths at once, one per lane, from their coefficient streams
    /// (<see cref="LaneStreams.For(ulong, long)"/> of (seed, coefficients, 0)): what the path simulator uses, so every
    /// economy of a path gets the same draw.
    /// </summary>
    internal static void DrawLanes(ReadOnlySpan<double> beta, ReadOnlySpan<double> factor, LaneStreams stream, Span<Vector256<double>> z,
        Span<Vector256<double>> draw)
    {
        int k = beta.Length;
        for (int j = 0; j < k; j++)
        {
            z[j] = stream.NextNormal();
        }

        for (int i = 0; i < k; i++)
        {
            Vector256<double> s = Vector256.Create(beta[i]);
            for (int j = 0; j < k; j++)
            {
                s += factor[i * k + j] * z[j];
            }

            draw[i] = s;
        }
    }
}
