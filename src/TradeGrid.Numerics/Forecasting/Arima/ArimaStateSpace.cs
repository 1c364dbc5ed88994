using TradeGrid.Numerics.Forecasting.Internal;

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

    private readonly int _p;
    private readonly int _r;
    private readonly int _rd;
    private readonly double[] _delta;
    private readonly double[] _phi;
    private readonly double[] _theta;
    private readonly double[] _v;
    private readonly double[] _a;
    private readonly double[] _anew;
    private readonly double[] _m;
    private readonly double[] _pMatrix;
    private readonly double[] _pn;
    private readonly double[] _pnew;
    private readonly double[] _mm;
    private readonly double[] _lyapunov;
    private readonly double[] _rhs;

    public ArimaStateSpace(int p, int q, double[] delta)
    {
        _p = p;
        _r = Math.Max(p, q + 1);
        _delta = delta;
        _rd = _r + delta.Length;
        _phi = new double[p];
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
        _lyapunov = new double[_r * _r * _r * _r];
        _rhs = new double[_r * _r];
    }

    /// <summary>Phi and theta (padded to r − 1) as stored in R's fit$model.</summary>
    public double[] Phi => _phi;

    public double[] Theta => _theta;

    /// <summary>upARIMA: new coefficients, stationary covariance for the ARMA block, kappa for the differences.</summary>
    public void Reset(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta)
    {
        phi.CopyTo(_phi);
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
        StationaryCovariance();
        for (int i = 0; i < _delta.Length; i++)
        {
            _pn[(_r + i) * rd + _r + i] = Kappa;
        }
    }

    /// <summary>
    /// ARIMA_Like with up = 0 over y (regression part already removed), leaving the filtered state for
    /// forecasting. Returns Σ v²/F, Σ log F and the count of steps with F &lt; 1e4 (diffuse steps excluded);
    /// fills the standardised residuals v/sqrt(F) when a buffer is given.
    /// </summary>
    public (double Ssq, double SumLog, int Count) Filter(ReadOnlySpan<double> y, double[]? residuals)
    {
        int rd = _rd;
        int r = _r;
        int d = _delta.Length;
        Array.Clear(_a);
        Array.Copy(_pn, _pnew, _pn.Length);
        double ssq = 0.0;
        double sumlog = 0.0;
        int nu = 0;
        for (int l = 0; l < y.Length; l++)
        {
            ApplyT(_a, 0, 1, _anew, 0, 1);
            if (l > 0)
            {
                Propagate(_pMatrix, _pnew);
            }
            double resid0 = y[l] - _anew[0];
            for (int i = 0; i < d; i++)
            {
                resid0 -= _delta[i] * _anew[r + i];
            }
            // M = Pnew Z with Z = (1, 0, …, 0, δ); gain F = Z'M.
            for (int i = 0; i < rd; i++)
            {
                double tmp = _pnew[i * rd];
                for (int j = 0; j < d; j++)
                {
                    tmp += _pnew[i * rd + r + j] * _delta[j];
                }
                _m[i] = tmp;
            }
            double gain = _m[0];
            for (int i = 0; i < d; i++)
            {
                gain += _delta[i] * _m[r + i];
            }
            if (gain < 1e4)
            {
                nu++;
                ssq += resid0 * resid0 / gain;
                sumlog += Math.Log(gain);
            }
            if (residuals is not null)
            {
                residuals[l] = resid0 / Math.Sqrt(gain);
            }
            for (int i = 0; i < rd; i++)
            {
                _a[i] = _anew[i] + _m[i] * resid0 / gain;
            }
            for (int i = 0; i < rd; i++)
            {
                double mi = _m[i] / gain;
                for (int j = 0; j < rd; j++)
                {
                    _pMatrix[i * rd + j] = _pnew[i * rd + j] - mi * _m[j];
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
            ApplyT(a, 0, 1, anew, 0, 1);
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
    /// as in R's ARIMA_Like. P is symmetric, so T P T' = T (T P)': apply T to P's columns, then to the rows of that.
    /// </summary>
    private void Propagate(double[] p, double[] result)
    {
        int rd = _rd;
        for (int j = 0; j < rd; j++)
        {
            ApplyT(p, j, rd, _mm, j, rd); // column j of P → column j of T P
        }
        for (int i = 0; i < rd; i++)
        {
            ApplyT(_mm, i * rd, 1, result, i, rd); // row i of T P → column i of T (T P)'
        }
        for (int k = 0; k < result.Length; k++)
        {
            result[k] += _v[k];
        }
    }

    /// <summary>
    /// target[targetOffset + i·targetStride] = (T x)_i for x = source[sourceOffset + k·sourceStride]:
    /// (Tx)_i = φ_i x_0 + x_{i+1} for i &lt; r; (Tx)_r = x_0 + Σ δ_k x_{r+k}; (Tx)_{r+i} = x_{r+i−1}.
    /// </summary>
    private void ApplyT(double[] source, int sourceOffset, int sourceStride, double[] target, int targetOffset, int targetStride)
    {
        int r = _r;
        double x0 = source[sourceOffset];
        for (int i = 0; i < r; i++)
        {
            double tmp = i < _p ? _phi[i] * x0 : 0.0;
            if (i < r - 1)
            {
                tmp += source[sourceOffset + (i + 1) * sourceStride];
            }
            target[targetOffset + i * targetStride] = tmp;
        }
        int d = _delta.Length;
        if (d > 0)
        {
            double tmp = x0;
            for (int k = 0; k < d; k++)
            {
                tmp += _delta[k] * source[sourceOffset + (r + k) * sourceStride];
            }
            // Written after reading: for d = 2 the last target reads x_r, which this loop does not overwrite first
            // because source and target are different arrays.
            target[targetOffset + r * targetStride] = tmp;
            for (int i = 1; i < d; i++)
            {
                target[targetOffset + (r + i) * targetStride] = source[sourceOffset + (r + i - 1) * sourceStride];
            }
        }
    }

    /// <summary>Solves vec(P) = (I − T⊗T)⁻¹ vec(RR') on the ARMA block into Pn; r = 1 is R's 1/(1 − φ²) or 1.</summary>
    private void StationaryCovariance()
    {
        int r = _r;
        int rd = _rd;
        if (r == 1)
        {
            _pn[0] = _p > 0 ? 1.0 / (1.0 - _phi[0] * _phi[0]) : 1.0;
            return;
        }
        int size = r * r;
        double[] a = _lyapunov;
        Array.Clear(a);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                int row = i * r + j;
                a[row * size + row] += 1.0;
                _rhs[row] = _v[i * rd + j];
                // T[i,k] is φ_i for k = 0 (i < p) and 1 for k = i + 1.
                for (int k = 0; k < r; k++)
                {
                    double tik = (k == 0 && i < _p ? _phi[i] : 0.0) + (k == i + 1 ? 1.0 : 0.0);
                    if (tik == 0.0)
                    {
                        continue;
                    }
                    for (int l = 0; l < r; l++)
                    {
                        double tjl = (l == 0 && j < _p ? _phi[j] : 0.0) + (l == j + 1 ? 1.0 : 0.0);
                        a[row * size + k * r + l] -= tik * tjl;
                    }
                }
            }
        }
        GaussianElimination.SolveInPlace(a, _rhs, size);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                _pn[i * rd + j] = _rhs[i * r + j];
            }
        }
    }
}
