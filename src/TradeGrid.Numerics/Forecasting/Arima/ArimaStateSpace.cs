using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// The state-space form stats::arima builds with makeARIMA (Durbin–Koopman / Gardner et al. 1980): an ARMA block
/// of size r = max(p, q + 1) with its stationary covariance, and d diffuse states for the differences with
/// variance kappa = 1e6. Filter is stats' ARIMA_Like and Forecast its KalmanForecast. The stationary covariance
/// solves P = TPT' + RR' directly (R's getQ0 computes the same matrix by Gardner's recursions).
/// Matrices are flat row-major arrays; <see cref="Reset"/> re-parameterises in place (R's upARIMA) so one
/// instance serves every likelihood evaluation of a fit without allocating.
/// </summary>
internal sealed class ArimaStateSpace
{
    private const double Kappa = 1e6;

    private readonly int _r;
    private readonly int _rd;
    private readonly double[] _delta;
    private readonly double[] _phi;
    private readonly double[] _phiPadded;
    private readonly double[] _theta;
    private readonly double[] _v;
    private readonly double[] _a;
    private readonly double[] _anew;
    private readonly double[] _m;
    private readonly double[] _pMatrix;
    private readonly double[] _pn;
    private readonly double[] _pnew;
    private readonly double[] _mm;
    private readonly ArmaStationaryCovariance _stationary;

    public ArimaStateSpace(int p, int q, double[] delta)
    {
        _r = Math.Max(p, q + 1);
        _delta = delta;
        _rd = _r + delta.Length;
        _phi = new double[p];
        _phiPadded = new double[_r];
        _theta = new double[_r - 1];
        int rd2 = _rd * _rd;
        _v = new double[rd2];
        _a = new double[_rd];
        _anew = new double[_rd];
        _m = new double[_rd];
        _pMatrix = new double[rd2];
        _pn = new double[rd2];
        _pnew = new double[rd2];
        _mm = new double[rd2];
        _stationary = new ArmaStationaryCovariance(_r);
    }

    /// <summary>Phi and theta (padded to r − 1) as stored in R's fit$model.</summary>
    public double[] Phi => _phi;

    public double[] Theta => _theta;

    /// <summary>upARIMA: new coefficients, stationary covariance for the ARMA block, kappa for the differences.</summary>
    public void Reset(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta)
    {
        phi.CopyTo(_phi);
        phi.CopyTo(_phiPadded);
        Array.Clear(_theta);
        theta[..Math.Min(theta.Length, _r - 1)].CopyTo(_theta);
        int rd = _rd;
        for (int i = 0; i < rd; i++)
        {
            double ri = i == 0 ? 1.0 : (i < _r ? _theta[i - 1] : 0.0);
            for (int j = 0; j < rd; j++)
            {
                double rj = j == 0 ? 1.0 : (j < _r ? _theta[j - 1] : 0.0);
                _v[i * rd + j] = ri * rj;
            }
        }
        Array.Clear(_pn);
        _stationary.Solve(_phiPadded, _v, rd, _pn, rd);
        for (int i = 0; i < _delta.Length; i++)
        {
            _pn[(_r + i) * rd + _r + i] = Kappa;
        }
    }

    /// <summary>
    /// ARIMA_Like with up = 0 over y (regression part already removed), leaving the filtered state for
    /// forecasting. Returns Σ v²/F, Σ log F and the count of steps with F &lt; 1e4 (diffuse steps excluded);
    /// fills the standardised residuals v/sqrt(F) when a buffer is given. Run once per fitted model, at its final
    /// coefficients (the optimiser evaluates ArmaFilter instead), so that the reported likelihood, residuals and
    /// filtered state are R's; spans over preallocated buffers, T applied by its structure.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Ssq, double SumLog, int Count) Filter(ReadOnlySpan<double> y, Span<double> residuals)
    {
        int rd = _rd;
        int r = _r;
        int d = _delta.Length;
        ReadOnlySpan<double> delta = _delta;
        Span<double> a = _a;
        Span<double> anew = _anew;
        Span<double> m = _m;
        // The rd × rd matrices are read and written through unchecked references (indices < rd² by construction).
        ref double pRef = ref MemoryMarshal.GetArrayDataReference(_pMatrix);
        ref double pnewRef = ref MemoryMarshal.GetArrayDataReference(_pnew);
        a.Clear();
        Array.Copy(_pn, _pnew, _pn.Length);
        double ssq = 0.0;
        double sumlog = 0.0;
        int nu = 0;
        bool keepResiduals = !residuals.IsEmpty;
        for (int l = 0; l < y.Length; l++)
        {
            ApplyT(a, anew);
            double resid0 = y[l] - anew[0];
            for (int i = 0; i < d; i++)
            {
                resid0 -= delta[i] * anew[r + i];
            }
            if (l > 0)
            {
                Propagate(_pMatrix, _pnew);
            }
            // M = Pnew Z with Z = (1, 0, …, 0, δ); gain F = Z'M.
            for (int i = 0; i < rd; i++)
            {
                ref double row = ref Unsafe.Add(ref pnewRef, i * rd);
                double tmp = row;
                for (int j = 0; j < d; j++)
                {
                    tmp += Unsafe.Add(ref row, r + j) * delta[j];
                }
                m[i] = tmp;
            }
            double gain = m[0];
            for (int i = 0; i < d; i++)
            {
                gain += delta[i] * m[r + i];
            }
            if (gain < 1e4)
            {
                nu++;
                ssq += resid0 * resid0 / gain;
                sumlog += Math.Log(gain);
            }
            if (keepResiduals)
            {
                residuals[l] = resid0 / Math.Sqrt(gain);
            }
            for (int i = 0; i < rd; i++)
            {
                a[i] = anew[i] + m[i] * resid0 / gain;
            }
            ref double mRef = ref MemoryMarshal.GetArrayDataReference(_m);
            for (int i = 0; i < rd; i++)
            {
                double mi = m[i] / gain;
                ref double target = ref Unsafe.Add(ref pRef, i * rd);
                ref double source = ref Unsafe.Add(ref pnewRef, i * rd);
                for (int j = 0; j < rd; j++)
                {
                    Unsafe.Add(ref target, j) = Unsafe.Add(ref source, j) - mi * Unsafe.Add(ref mRef, j);
                }
            }
        }
        return (ssq, sumlog, nu);
    }

    /// <summary>KalmanForecast from the filtered state: means and variances (in units of σ²) h steps ahead.</summary>
    public (double[] Mean, double[] Variance) Forecast(int horizon)
    {
        int rd = _rd;
        var a = (double[])_a.Clone();
        var anew = new double[rd];
        var p = (double[])_pMatrix.Clone();
        var pnew = new double[rd * rd];
        var mean = new double[horizon];
        var variance = new double[horizon];
        for (int l = 0; l < horizon; l++)
        {
            ApplyT(a, anew);
            Array.Copy(anew, a, rd);
            Propagate(p, pnew);
            Array.Copy(pnew, p, p.Length);
            double fc = a[0];
            double var = p[0];
            for (int i = 0; i < _delta.Length; i++)
            {
                fc += _delta[i] * a[_r + i];
                var += 2 * _delta[i] * p[_r + i];
                for (int j = 0; j < _delta.Length; j++)
                {
                    var += _delta[i] * _delta[j] * p[(_r + i) * rd + _r + j];
                }
            }
            mean[l] = fc;
            variance[l] = var;
        }
        return (mean, variance);
    }

    /// <summary>
    /// result = T P T' + V using T's structure (companion block, then the differencing rows), O(rd²) per product
    /// as in R's ARIMA_Like. First MM = T P a row at a time (row i of T P combines whole rows of P); then, P being
    /// symmetric, T P T' = T MM': column i of the result is T applied to row i of MM.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Propagate(double[] p, double[] result)
    {
        int rd = _rd;
        int r = _r;
        int d = _delta.Length;
        // Unchecked element access (Unsafe.Add on the arrays' first elements): every index below is < rd² by
        // construction, and bounds checks were a large part of this loop's cost for rd of 2 to 8.
        // φ padded with zeros to r: 0·x + y is y, so the rows beyond p need no branch.
        ref double phi = ref MemoryMarshal.GetArrayDataReference(_phiPadded);
        ref double delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        ref double mm = ref MemoryMarshal.GetArrayDataReference(_mm);
        ref double pp = ref MemoryMarshal.GetArrayDataReference(p);
        ref double v = ref MemoryMarshal.GetArrayDataReference(_v);
        ref double res = ref MemoryMarshal.GetArrayDataReference(result);
        for (int i = 0; i < r - 1; i++)
        {
            double f = Unsafe.Add(ref phi, i);
            ref double target = ref Unsafe.Add(ref mm, i * rd);
            ref double below = ref Unsafe.Add(ref pp, (i + 1) * rd);
            for (int j = 0; j < rd; j++)
            {
                Unsafe.Add(ref target, j) = f * Unsafe.Add(ref pp, j) + Unsafe.Add(ref below, j);
            }
        }
        {
            double f = Unsafe.Add(ref phi, r - 1);
            ref double target = ref Unsafe.Add(ref mm, (r - 1) * rd);
            for (int j = 0; j < rd; j++)
            {
                Unsafe.Add(ref target, j) = f * Unsafe.Add(ref pp, j);
            }
        }
        if (d > 0)
        {
            ref double target = ref Unsafe.Add(ref mm, r * rd);
            for (int j = 0; j < rd; j++)
            {
                double tmp = Unsafe.Add(ref pp, j);
                for (int k = 0; k < d; k++)
                {
                    tmp += Unsafe.Add(ref delta, k) * Unsafe.Add(ref pp, (r + k) * rd + j);
                }
                Unsafe.Add(ref target, j) = tmp;
            }
            for (int i = 1; i < d; i++)
            {
                for (int j = 0; j < rd; j++)
                {
                    Unsafe.Add(ref mm, (r + i) * rd + j) = Unsafe.Add(ref pp, (r + i - 1) * rd + j);
                }
            }
        }
        for (int i = 0; i < rd; i++)
        {
            ref double row = ref Unsafe.Add(ref mm, i * rd);
            double x0 = row;
            for (int k = 0; k < r - 1; k++)
            {
                int at = k * rd + i;
                Unsafe.Add(ref res, at) = Unsafe.Add(ref phi, k) * x0 + Unsafe.Add(ref row, k + 1) + Unsafe.Add(ref v, at);
            }
            int last = (r - 1) * rd + i;
            Unsafe.Add(ref res, last) = Unsafe.Add(ref phi, r - 1) * x0 + Unsafe.Add(ref v, last);
            if (d > 0)
            {
                double tmp = x0;
                for (int k = 0; k < d; k++)
                {
                    tmp += Unsafe.Add(ref delta, k) * Unsafe.Add(ref row, r + k);
                }
                int at = r * rd + i;
                Unsafe.Add(ref res, at) = tmp + Unsafe.Add(ref v, at);
                for (int k = 1; k < d; k++)
                {
                    at = (r + k) * rd + i;
                    Unsafe.Add(ref res, at) = Unsafe.Add(ref row, r + k - 1) + Unsafe.Add(ref v, at);
                }
            }
        }
    }

    /// <summary>
    /// target = T x: (Tx)_i = φ_i x_0 + x_{i+1} for i &lt; r; (Tx)_r = x_0 + Σ δ_k x_{r+k}; (Tx)_{r+i} = x_{r+i−1}.
    /// Source and target are different buffers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyT(ReadOnlySpan<double> source, Span<double> target)
    {
        int r = _r;
        ReadOnlySpan<double> phi = _phi;
        double x0 = source[0];
        for (int i = 0; i < r; i++)
        {
            double tmp = i < phi.Length ? phi[i] * x0 : 0.0;
            if (i < r - 1)
            {
                tmp += source[i + 1];
            }
            target[i] = tmp;
        }
        ReadOnlySpan<double> delta = _delta;
        if (delta.Length > 0)
        {
            double tmp = x0;
            for (int k = 0; k < delta.Length; k++)
            {
                tmp += delta[k] * source[r + k];
            }
            target[r] = tmp;
            for (int i = 1; i < delta.Length; i++)
            {
                target[r + i] = source[r + i - 1];
            }
        }
    }
}
