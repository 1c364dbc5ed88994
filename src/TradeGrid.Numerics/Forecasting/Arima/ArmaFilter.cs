using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// The exact Gaussian likelihood of a stationary ARMA(p, q) series by Kalman filter: stats' ARIMA_Like for
/// d = 0, which is what the ARIMA optimiser evaluates hundreds of times per model (on the differenced series; see
/// <see cref="ArimaEstimator"/>). Four savings over R's filter, none of which changes what is computed beyond
/// rounding:
/// <list type="bullet">
/// <item>The observation is the first state, without noise, so after each update the filtered covariance P has a
/// zero first row and column (R computes them as Pnew_i0 − Pnew_i0·Pnew_00/Pnew_00). R's propagation
/// Pnew_ij = v_i v_j + φ_iφ_j P₀₀ + P_{i+1,j+1} + φ_i P_{0,j+1} + φ_j P_{0,i+1} is then v_i v_j + P_{i+1,j+1}, and only
/// rows and columns 1..r−1 of P are updated.</item>
/// <item>Only the lower triangles of the symmetric covariances are formed.</item>
/// <item>Once an update leaves P where it was (within <see cref="SteadyTolerance"/>) the gain is held, as R's
/// KalmanLike does with fast = TRUE.</item>
/// <item>Σ log F is the logarithm of running products, one logarithm per few hundred orders of magnitude instead of
/// one per observation.</item>
/// </list>
/// </summary>
internal sealed class ArmaFilter
{
    /// <summary>
    /// The filtered covariance counts as converged once one update moves no element by more than this. P is in units
    /// of the innovation variance and the prediction variance F is at least 1, so this is 1e-9 of F.
    /// </summary>
    public const double SteadyTolerance = 1e-9;

    /// <summary>Steps with a prediction variance at or above this are left out of the likelihood (ARIMA_Like's rule).</summary>
    internal const double DiffuseGain = 1e4;

    /// <summary>A product of gains (each in [1, 1e4)) is turned into its logarithm before it could overflow.</summary>
    internal const double ProductLimit = 1e280;

    private readonly int _r;
    private readonly int _stride;
    private readonly double[] _phi;
    private readonly double[] _v;
    private readonly double[] _p0;
    private readonly double[] _pFiltered;
    private readonly double[] _pnew;
    private readonly double[] _a;
    private readonly double[] _anew;
    private readonly ArmaStationaryCovariance _stationary;

    public ArmaFilter(int p, int q)
    {
        _r = Math.Max(p, q + 1);
        int r = _r;
        // The filtered covariance has a zero row and column r, so that P_{i+1,j+1} needs no bounds test at i = r − 1.
        _stride = r + 1;
        // φ padded with zeros to r + 1, and to the 3 that SmallArmaFilter reads.
        _phi = new double[Math.Max(r + 1, 3)];
        _v = new double[r * r];
        _p0 = new double[r * r];
        _pFiltered = new double[_stride * _stride];
        _pnew = new double[r * r];
        _a = new double[r + 1];
        _anew = new double[r];
        _stationary = new ArmaStationaryCovariance(r);
    }

    /// <summary>φ padded with zeros (to at least 3), as <see cref="Reset"/> left it; read by the lane filter.</summary>
    internal double[] PaddedPhi => _phi;

    /// <summary>RR', r × r row-major, as <see cref="Reset"/> left it.</summary>
    internal double[] NoiseCovariance => _v;

    /// <summary>The stationary covariance P₀, r × r row-major, as <see cref="Reset"/> left it.</summary>
    internal double[] StationaryCovariance => _p0;

    /// <summary>New coefficients (upARIMA): φ and θ, the noise covariance RR' and the stationary initial covariance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta)
    {
        int r = _r;
        Array.Clear(_phi);
        phi.CopyTo(_phi);
        Span<double> rVector = stackalloc double[r];
        rVector[0] = 1.0;
        for (int i = 1; i < r; i++)
        {
            rVector[i] = i - 1 < theta.Length ? theta[i - 1] : 0.0;
        }
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                _v[i * r + j] = rVector[i] * rVector[j];
            }
        }
        _stationary.Solve(_phi, _v, r, _p0, r);
    }

    /// <summary>Σ v²/F, Σ log F and the number of steps counted (F &lt; 1e4) over w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Ssq, double SumLog, int Count) Likelihood(ReadOnlySpan<double> w)
    {
        int r = _r;
        if (r <= 3)
        {
            return SmallArmaFilter.Likelihood(w, _phi, _v, _p0, r);
        }
        int s = _stride;
        // Every index below is within the arrays by construction (sizes r + 1, r², (r + 1)²): unchecked access.
        ref double a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref double anew = ref MemoryMarshal.GetArrayDataReference(_anew);
        ref double phi = ref MemoryMarshal.GetArrayDataReference(_phi);
        ref double v = ref MemoryMarshal.GetArrayDataReference(_v);
        ref double pf = ref MemoryMarshal.GetArrayDataReference(_pFiltered);
        ref double pn = ref MemoryMarshal.GetArrayDataReference(_pnew);
        Array.Clear(_a);
        Array.Clear(_pFiltered);
        _p0.CopyTo(_pnew, 0);
        double ssq = 0.0;
        double sumLog = 0.0;
        double gainProduct = 1.0;
        int nu = 0;
        bool steady = false;
        for (int l = 0; l < w.Length; l++)
        {
            // anew = T a; a[r] stays 0.
            double a0 = a;
            for (int i = 0; i < r; i++)
            {
                Unsafe.Add(ref anew, i) = Unsafe.Add(ref phi, i) * a0 + Unsafe.Add(ref a, i + 1);
            }
            if (l > 0 && !steady)
            {
                // Pnew_ij = v_ij + P_{i+1,j+1} (row and column r of the padded P are zero).
                for (int i = 0; i < r; i++)
                {
                    for (int j = 0; j <= i; j++)
                    {
                        Unsafe.Add(ref pn, i * r + j) = Unsafe.Add(ref v, i * r + j) + Unsafe.Add(ref pf, (i + 1) * s + j + 1);
                    }
                }
            }
            double gain = pn;
            double resid = w[l] - anew;
            if (gain < DiffuseGain)
            {
                nu++;
                ssq += resid * resid / gain;
                gainProduct *= gain;
                if (gainProduct > ProductLimit)
                {
                    sumLog += Math.Log(gainProduct);
                    gainProduct = 1.0;
                }
            }
            double step = resid / gain;
            for (int i = 0; i < r; i++)
            {
                Unsafe.Add(ref a, i) = Unsafe.Add(ref anew, i) + Unsafe.Add(ref pn, i * r) * step;
            }
            if (steady)
            {
                continue;
            }
            // Step 0 overwrites the zero start, so it is compared from step 1 on; NaN never counts as converged. Row and
            // column 0 of P stay zero.
            double change = l > 0 ? 0.0 : double.PositiveInfinity;
            for (int i = 1; i < r; i++)
            {
                double mi = Unsafe.Add(ref pn, i * r) / gain;
                for (int j = 1; j <= i; j++)
                {
                    double updated = Unsafe.Add(ref pn, i * r + j) - mi * Unsafe.Add(ref pn, j * r);
                    double moved = Math.Abs(updated - Unsafe.Add(ref pf, i * s + j));
                    if (!(moved <= change))
                    {
                        change = moved;
                    }
                    Unsafe.Add(ref pf, i * s + j) = updated;
                    Unsafe.Add(ref pf, j * s + i) = updated;
                }
            }
            steady = change <= SteadyTolerance;
        }
        return (ssq, sumLog + Math.Log(gainProduct), nu);
    }
}
