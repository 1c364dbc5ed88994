namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// The state-space form stats::arima builds with makeARIMA (Durbin–Koopman / Gardner et al. 1980): an ARMA block
/// of size r = max(p, q + 1) with its stationary covariance, and d diffuse states for the differences with
/// variance kappa = 1e6. Likelihood is stats' ARIMA_Like and forecasting its KalmanForecast. The stationary
/// covariance solves P = TPT' + RR' directly (R's getQ0 computes the same matrix by Gardner's recursions).
/// </summary>
internal sealed class ArimaStateSpace
{
    private const double Kappa = 1e6;

    private readonly double[] _phi;
    private readonly double[] _theta;
    private readonly double[] _delta;
    private readonly int _r;
    private readonly int _rd;
    private readonly double[,] _t;
    private readonly double[,] _v;
    private double[] _a;
    private double[,] _p;
    private readonly double[,] _pn;
    private readonly double[,] _mm;
    private readonly double[,] _scratch;

    public ArimaStateSpace(double[] phi, double[] theta, double[] delta)
    {
        _phi = phi;
        _delta = delta;
        int p = phi.Length;
        int q = theta.Length;
        _r = Math.Max(p, q + 1);
        int d = delta.Length;
        _rd = _r + d;
        _theta = new double[_r - 1];
        Array.Copy(theta, _theta, Math.Min(q, _r - 1));

        _t = new double[_rd, _rd];
        for (int i = 0; i < p; i++)
        {
            _t[i, 0] = phi[i];
        }
        for (int i = 1; i < _r; i++)
        {
            _t[i - 1, i] = 1.0;
        }
        if (d > 0)
        {
            _t[_r, 0] = 1.0;
            for (int j = 0; j < d; j++)
            {
                _t[_r, _r + j] = delta[j];
            }
            for (int i = 1; i < d; i++)
            {
                _t[_r + i, _r + i - 1] = 1.0;
            }
        }
        var rVector = new double[_rd];
        rVector[0] = 1.0;
        for (int i = 0; i < _r - 1; i++)
        {
            rVector[i + 1] = _theta[i];
        }
        _v = new double[_rd, _rd];
        for (int i = 0; i < _rd; i++)
        {
            for (int j = 0; j < _rd; j++)
            {
                _v[i, j] = rVector[i] * rVector[j];
            }
        }
        _a = new double[_rd];
        _p = new double[_rd, _rd];
        _pn = new double[_rd, _rd];
        _mm = new double[_rd, _rd];
        _scratch = new double[_rd, _rd];
        double[,] q0 = StationaryCovariance();
        for (int i = 0; i < _r; i++)
        {
            for (int j = 0; j < _r; j++)
            {
                _pn[i, j] = q0[i, j];
            }
        }
        for (int i = 0; i < d; i++)
        {
            _pn[_r + i, _r + i] = Kappa;
        }
    }

    /// <summary>Phi and theta (padded to r − 1) as stored in R's fit$model.</summary>
    public double[] Phi => _phi;

    public double[] Theta => _theta;

    /// <summary>
    /// ARIMA_Like with up = 0: runs the filter over y (regression part already removed), leaving the filtered
    /// state for forecasting. Returns Σ v²/F, Σ log F and the count over steps with F &lt; 1e4 (diffuse steps excluded);
    /// fills the standardised residuals v/sqrt(F) when a buffer is given.
    /// </summary>
    public (double Ssq, double SumLog, int Count) Filter(double[] y, double[]? residuals)
    {
        int rd = _rd;
        _a = new double[rd];
        var anew = new double[rd];
        var m = new double[rd];
        double[,] pnew = (double[,])_pn.Clone();
        var z = new double[rd];
        z[0] = 1.0;
        for (int i = 0; i < _delta.Length; i++)
        {
            z[_r + i] = _delta[i];
        }
        double ssq = 0.0;
        double sumlog = 0.0;
        int nu = 0;
        for (int l = 0; l < y.Length; l++)
        {
            MultiplyVector(_t, _a, anew);
            if (l > 0)
            {
                Propagate(_p, _scratch);
                pnew = _scratch;
            }
            double resid0 = y[l];
            for (int i = 0; i < rd; i++)
            {
                resid0 -= z[i] * anew[i];
            }
            for (int i = 0; i < rd; i++)
            {
                double tmp = 0.0;
                for (int j = 0; j < rd; j++)
                {
                    tmp += pnew[i, j] * z[j];
                }
                m[i] = tmp;
            }
            double gain = 0.0;
            for (int i = 0; i < rd; i++)
            {
                gain += z[i] * m[i];
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
                _a[i] = anew[i] + m[i] * resid0 / gain;
            }
            for (int i = 0; i < rd; i++)
            {
                for (int j = 0; j < rd; j++)
                {
                    _p[i, j] = pnew[i, j] - m[i] * m[j] / gain;
                }
            }
        }
        return (ssq, sumlog, nu);
    }

    /// <summary>KalmanForecast from the filtered state: means and variances (in units of σ²) h steps ahead.</summary>
    public (double[] Mean, double[] Variance) Forecast(int horizon)
    {
        var a = (double[])_a.Clone();
        double[,] p = (double[,])_p.Clone();
        var anew = new double[_rd];
        var mean = new double[horizon];
        var variance = new double[horizon];
        for (int l = 0; l < horizon; l++)
        {
            MultiplyVector(_t, a, anew);
            Array.Copy(anew, a, _rd);
            var next = new double[_rd, _rd];
            Propagate(p, next);
            p = next;
            double fc = a[0];
            double var = p[0, 0];
            for (int i = 0; i < _delta.Length; i++)
            {
                fc += _delta[i] * a[_r + i];
                var += 2 * _delta[i] * p[0, _r + i];
                for (int j = 0; j < _delta.Length; j++)
                {
                    var += _delta[i] * _delta[j] * p[_r + i, _r + j];
                }
            }
            mean[l] = fc;
            variance[l] = var;
        }
        return (mean, variance);
    }

    /// <summary>
    /// result = T P T' + V (result must not alias p), using T's structure (companion block, then the differencing
    /// rows) so each product costs O(rd²) as in R's ARIMA_Like, instead of dense O(rd³).
    /// </summary>
    private void Propagate(double[,] p, double[,] result)
    {
        int rd = _rd;
        double[,] mm = _mm;
        // mm = T P, column by column; then result = T mm' (P symmetric, so T P T' = T (T P)').
        for (int j = 0; j < rd; j++)
        {
            ApplyT(p, j, byColumn: true, mm, j);
        }
        for (int j = 0; j < rd; j++)
        {
            ApplyT(mm, j, byColumn: false, result, j);
        }
        for (int i = 0; i < rd; i++)
        {
            for (int j = 0; j < rd; j++)
            {
                result[i, j] += _v[i, j];
            }
        }
    }

    /// <summary>
    /// target[·, targetColumn] = T x where x is column (or row) index of source:
    /// (Tx)_i = φ_i x_0 + x_{i+1} for i &lt; r; (Tx)_r = x_0 + Σ δ_k x_{r+k}; (Tx)_{r+i} = x_{r+i−1}.
    /// </summary>
    private void ApplyT(double[,] source, int index, bool byColumn, double[,] target, int targetColumn)
    {
        int r = _r;
        int p = _phi.Length;
        int d = _delta.Length;
        Span<double> x = stackalloc double[_rd];
        for (int k = 0; k < _rd; k++)
        {
            x[k] = byColumn ? source[k, index] : source[index, k];
        }
        double x0 = x[0];
        for (int i = 0; i < r; i++)
        {
            double tmp = i < p ? _phi[i] * x0 : 0.0;
            if (i < r - 1)
            {
                tmp += x[i + 1];
            }
            target[i, targetColumn] = tmp;
        }
        if (d > 0)
        {
            double tmp = x0;
            for (int k = 0; k < d; k++)
            {
                tmp += _delta[k] * x[r + k];
            }
            target[r, targetColumn] = tmp;
            for (int i = 1; i < d; i++)
            {
                target[r + i, targetColumn] = x[r + i - 1];
            }
        }
    }

    private static void MultiplyVector(double[,] t, double[] a, double[] result)
    {
        int n = a.Length;
        for (int i = 0; i < n; i++)
        {
            double tmp = 0.0;
            for (int k = 0; k < n; k++)
            {
                tmp += t[i, k] * a[k];
            }
            result[i] = tmp;
        }
    }

    /// <summary>Solves vec(P) = (I − T⊗T)⁻¹ vec(RR') on the ARMA block; r = 1 is R's 1/(1 − φ²) or 1.</summary>
    private double[,] StationaryCovariance()
    {
        int r = _r;
        var q0 = new double[r, r];
        if (r == 1)
        {
            q0[0, 0] = _phi.Length > 0 ? 1.0 / (1.0 - _phi[0] * _phi[0]) : 1.0;
            return q0;
        }
        int size = r * r;
        var system = new double[size, size];
        var rhs = new double[size];
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                int row = i * r + j;
                system[row, row] += 1.0;
                rhs[row] = _v[i, j];
                for (int k = 0; k < r; k++)
                {
                    if (_t[i, k] == 0.0)
                    {
                        continue;
                    }
                    for (int l = 0; l < r; l++)
                    {
                        system[row, k * r + l] -= _t[i, k] * _t[j, l];
                    }
                }
            }
        }
        double[] solution = Solve(system, rhs);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                q0[i, j] = solution[i * r + j];
            }
        }
        return q0;
    }

    /// <summary>Gaussian elimination with partial pivoting; the system is at most 36×36 (r ≤ 6).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }
            if (pivot != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                }
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            double diagonal = a[col, col];
            for (int row = col + 1; row < n; row++)
            {
                double factor = a[row, col] / diagonal;
                if (factor == 0.0)
                {
                    continue;
                }
                for (int k = col; k < n; k++)
                {
                    a[row, k] -= factor * a[col, k];
                }
                b[row] -= factor * b[col];
            }
        }
        var x = new double[n];
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = b[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * x[k];
            }
            x[row] = sum / a[row, row];
        }
        return x;
    }
}
