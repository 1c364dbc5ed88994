using System.Runtime.CompilerServices;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// The stationary covariance of the ARMA block of makeARIMA's state (size r = max(p, q + 1)): the P that solves
/// P = TPT' + RR', with T the companion matrix of φ and R = (1, θ₁, …, θ_{r−1})'. R's getQ0 computes the same
/// matrix by Gardner's recursions. P is symmetric, so the linear system has only the r(r + 1)/2 entries on and
/// below the diagonal as unknowns rather than all r²: for r = 3 a 6 × 6 system instead of 9 × 9, a third of the
/// work, and this runs once per likelihood evaluation.
/// </summary>
internal sealed class ArmaStationaryCovariance
{
    private readonly int _r;
    private readonly int _size;
    private readonly double[] _system;
    private readonly double[] _solution;

    public ArmaStationaryCovariance(int r)
    {
        _r = r;
        _size = r * (r + 1) / 2;
        _system = new double[_size * _size];
        _solution = new double[_size];
    }

    /// <summary>
    /// Writes P into target (row-major with row stride targetStride, both triangles). phi holds φ padded with zeros
    /// to r; v holds RR' row-major with row stride vStride (its top-left r × r block is read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(ReadOnlySpan<double> phi, ReadOnlySpan<double> v, int vStride, Span<double> target, int targetStride)
    {
        int r = _r;
        if (r == 1)
        {
            // R's getQ0 for r = 1: 1 / (1 − φ²), which is 1 without an AR part.
            target[0] = 1.0 / (1.0 - phi[0] * phi[0]);
            return;
        }
        if (IsZero(phi[..r]))
        {
            // A pure MA model: T only shifts the state up, so P = Σ_k T^k RR' T'^k has P_ij = Σ_k R_{i+k} R_{j+k}
            // (R_i is v_i0, as R_0 = 1), with no system to solve.
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double sum = 0.0;
                    for (int k = 0; i + k < r; k++)
                    {
                        sum += v[(i + k) * vStride] * v[(j + k) * vStride];
                    }
                    target[i * targetStride + j] = sum;
                    target[j * targetStride + i] = sum;
                }
            }
            return;
        }
        int size = _size;
        double[] a = _system;
        Array.Clear(a);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                int row = Index(i, j);
                a[row * size + row] += 1.0;
                _solution[row] = v[i * vStride + j];
                // (TPT')_ij = Σ T_ik T_jl P_kl; row i of T is φ_i at column 0 and 1 at column i + 1 (i < r − 1).
                Subtract(a, row, 0, 0, phi[i] * phi[j]);
                if (j + 1 < r)
                {
                    Subtract(a, row, 0, j + 1, phi[i]);
                }
                if (i + 1 < r)
                {
                    Subtract(a, row, i + 1, 0, phi[j]);
                }
                if (i + 1 < r && j + 1 < r)
                {
                    Subtract(a, row, i + 1, j + 1, 1.0);
                }
            }
        }
        GaussianElimination.SolveInPlace(a, _solution, size);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                target[i * targetStride + j] = _solution[Index(i, j)];
                target[j * targetStride + i] = _solution[Index(i, j)];
            }
        }
    }

    private static bool IsZero(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            if (value != 0.0)
            {
                return false;
            }
        }
        return true;
    }

    private void Subtract(double[] a, int row, int k, int l, double coefficient)
    {
        a[row * _size + (k >= l ? Index(k, l) : Index(l, k))] -= coefficient;
    }

    /// <summary>Position of P_ij (j ≤ i) among the unknowns: the lower triangle row by row.</summary>
    private static int Index(int i, int j) => i * (i + 1) / 2 + j;
}
