using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// stats::arima(x, order = c(p, d, q), method = "CSS-ML") for a non-seasonal model as forecast's myarima
/// calls it (a drift regressor 1..n when d = 1 and a constant is wanted; an intercept when d = 0), followed by
/// myarima's bookkeeping: AICc on n − d observations, σ² = Σ(standardised residuals²)/(n − d − k + 1), and
/// rejection of near-unit roots. CSS starting values, then exact Gaussian likelihood by Kalman filter
/// with BFGS on transformed AR parameters — the same steps, optimiser and tolerances as R.
/// <para>
/// One difference in how the likelihood is evaluated while optimising: R filters the undifferenced series
/// through a state of size max(p, q + 1) + d whose d difference states start diffuse with variance 1e6, and
/// leaves the first d (diffuse) steps out. That is an approximation, to O(1e-6), of the likelihood of the
/// differenced series under the stationary ARMA model, which this evaluates directly with a state of size
/// max(p, q + 1): half to a third of the work per step for d = 1 or 2. The fitted model's log-likelihood, AIC
/// and AICc are then R's: one pass of R's own filter at the estimated coefficients. On the 525 series of the
/// selection fixture every chosen model is still R's and the forecasts stay within 3e-6 of R's.
/// </para>
/// </summary>
internal static class ArimaEstimator
{
    /// <summary>Fits the model; null when R's arima would stop with an error (myarima then scores it Inf).</summary>
    public static ArimaFit? Fit(double[] x, int p, int d, int q, bool constant, double? fixedConstant = null, bool arimaWrapper = false)
    {
        try
        {
            return FitOrThrow(x, p, d, q, constant, fixedConstant, arimaWrapper);
        }
        catch (ArithmeticException)
        {
            return null;
        }
    }

    private static ArimaFit? FitOrThrow(double[] x, int p, int d, int q, bool constant, double? fixedConstant, bool arimaWrapper)
    {
        int n = x.Length;
        int narma = p + q;
        double[]? xreg = null;
        if (constant && d <= 1)
        {
            xreg = new double[n];
            for (int t = 0; t < n; t++)
            {
                xreg[t] = d == 0 ? 1.0 : t + 1.0;
            }
        }
        int ncxreg = xreg is null ? 0 : 1;
        double[] delta = d switch { 0 => [], 1 => [1.0], _ => [2.0, -1.0] };
        int nUsed = n - d;
        // CSS and the optimiser's likelihood both work on the differenced series and regressor.
        double[] dx = Differenced(x, d);
        double[]? dxreg = xreg is null ? null : Differenced(xreg, d);

        var init = new double[narma + ncxreg];
        var parscale = Enumerable.Repeat(1.0, narma + ncxreg).ToArray();
        if (dxreg is not null)
        {
            // lm(diff(x) ~ diff(xreg) − 1): start and scale for the regression coefficient.
            double sxy = 0.0;
            double sxx = 0.0;
            for (int t = 0; t < dx.Length; t++)
            {
                sxy += dx[t] * dxreg[t];
                sxx += dxreg[t] * dxreg[t];
            }
            double beta = sxy / sxx;
            double rss = 0.0;
            for (int t = 0; t < dx.Length; t++)
            {
                double e = dx[t] - beta * dxreg[t];
                rss += e * e;
            }
            init[narma] = beta;
            parscale[narma] = 10.0 * Math.Sqrt(rss / (dx.Length - 1) / sxx);
        }

        if (fixedConstant is { } fixedValue)
        {
            // Everything fixed (auto.arima's constant-differences case): no optimisation.
            double[] coefFixed = [fixedValue];
            var ssFixed = new ArimaStateSpace(0, 0, delta);
            ssFixed.Reset([], []);
            return Finish(x, xreg, p, d, q, constant, coefFixed, ssFixed, nUsed, 0, arimaWrapper: true, new Lazy<bool>(() => true));
        }

        if (init.Length == 0)
        {
            // Nothing to estimate (e.g. ARIMA(0,1,0)): arima evaluates the likelihood once.
            var ssNone = new ArimaStateSpace(0, 0, delta);
            ssNone.Reset([], []);
            return Finish(x, null, p, d, q, constant, [], ssNone, nUsed, 0, arimaWrapper, new Lazy<bool>(() => true));
        }

        // ARIMA_CSS conditions on the first d + p observations; on the differenced series, the first p.
        var cssSeries = new double[nUsed];
        var cssResiduals = new double[nUsed];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double CssObjective(double[] par)
        {
            RemoveRegression(dx, dxreg, par, narma, cssSeries);
            return 0.5 * Math.Log(ArimaCss.OnDifferenced(cssSeries, par.AsSpan(0, p), par.AsSpan(p, q), p, cssResiduals));
        }
        (double[] cssPar, _, bool cssConverged) = Bfgs.Minimize(CssObjective, init, parscale, batch: ArimaLaneObjectives.Css(dx, dxreg, p, q));
        if (cssConverged)
        {
            init = cssPar;
        }
        if (p > 0 && !ArimaTransforms.IsStationary(init.AsSpan(0, p)))
        {
            return null; // "non-stationary AR part from CSS"
        }

        // transform.pars = TRUE: optimise atanh(PACF) for the AR part; start from an invertible MA.
        double[] arRaw = ArimaTransforms.FromAr(init.AsSpan(0, p));
        Array.Copy(arRaw, init, p);
        if (q > 0)
        {
            double[] ma = ArimaTransforms.InvertMa(init[p..(p + q)]);
            Array.Copy(ma, 0, init, p, q);
        }

        // The optimiser's likelihood: the differenced series (and regressor) under the stationary ARMA model, the
        // limit of R's diffuse start (see the class remarks). One state space and one buffer serve every evaluation
        // of this fit (R's upARIMA on a copy of mod).
        var workspace = new ArmaFilter(p, q);
        var buffer = new double[nUsed];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double MlObjective(double[] par) => ArmaLikelihood(workspace, dx, dxreg, par, p, q, buffer);
        BatchObjective? mlBatch = ArimaLaneObjectives.Likelihood(dx, dxreg, p, q);
        (double[] coef, _, _) = Bfgs.Minimize(MlObjective, init, parscale, batch: mlBatch);
        if (q > 0)
        {
            double[] ma = ArimaTransforms.InvertMa(coef[p..(p + q)]);
            bool changed = false;
            for (int i = 0; i < q; i++)
            {
                changed |= ma[i] != coef[p + i];
            }
            if (changed)
            {
                // R then evaluates the likelihood at the inverted point (optim with maxit = 0), as Finish does.
                Array.Copy(ma, 0, coef, p, q);
            }
        }

        double[] optimised = (double[])coef.Clone();
        // An error in R's optimhess makes arima fail, which myarima scores +Inf: the same as an invalid covariance.
        var covarianceOk = new Lazy<bool>(
            () =>
            {
                try
                {
                    return CovarianceIsValid(MlObjective, mlBatch, optimised, parscale, p, nUsed);
                }
                catch (ArithmeticException)
                {
                    return false;
                }
            },
            LazyThreadSafetyMode.None);
        double[] ar = ArimaTransforms.ToAr(coef.AsSpan(0, p));
        Array.Copy(ar, coef, p);
        var stateSpace = new ArimaStateSpace(p, q, delta);
        stateSpace.Reset(coef.AsSpan(0, p), coef.AsSpan(p, q));
        return Finish(x, xreg, p, d, q, constant, coef, stateSpace, nUsed, coef.Length, arimaWrapper, covarianceOk);
    }

    private static ArimaFit Finish(
        double[] x, double[]? xreg, int p, int d, int q, bool constant, double[] coef, ArimaStateSpace stateSpace,
        int nUsed, int estimated, bool arimaWrapper, Lazy<bool> covarianceOk)
    {
        int narma = p + q;
        double[] w = RemoveRegression(x, xreg, coef, narma);
        var residuals = new double[x.Length];
        // R's filter at the final coefficients: its armafn value (the fit's likelihood), residuals and filtered state.
        (double ssq, double sumLog, int nu) = stateSpace.Filter(w, residuals);
        double value = 0.5 * (Math.Log(ssq / nu) + sumLog / nu);
        double minus2LogLik = 2 * nUsed * value + nUsed + nUsed * Math.Log(2 * Math.PI);
        double aic = minus2LogLik + 2 * estimated + 2;
        int npar = estimated + 1;
        int nstar = nUsed;
        double aicc = aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1.0);
        // myarima overwrites sigma2; Arima() (the fixed-coefficient path) keeps arima's ssq / n.used.
        double sigma2 = arimaWrapper ? ssq / nUsed : residuals.Sum(r => r * r) / (nstar - npar + 1);

        double minRoot = 2.0;
        if (p > 0)
        {
            minRoot = Math.Min(minRoot, MinRoot(stateSpace.Phi, sign: -1.0));
        }
        if (q > 0)
        {
            minRoot = Math.Min(minRoot, MinRoot(stateSpace.Theta, sign: 1.0));
        }

        var names = new List<string>();
        for (int i = 1; i <= p; i++)
        {
            names.Add($"ar{i}");
        }
        for (int i = 1; i <= q; i++)
        {
            names.Add($"ma{i}");
        }
        if (xreg is not null)
        {
            names.Add(d == 0 ? "intercept" : "drift");
        }
        return new ArimaFit(p, d, q, constant, names.ToArray(), coef, -0.5 * minus2LogLik, aic, aicc, sigma2, minRoot >= 1.01, covarianceOk, residuals, stateSpace);
    }

    /// <summary>myarima's root check on the nonzero-trimmed polynomial 1 ∓ c₁z ∓ ….</summary>
    private static double MinRoot(double[] coefficients, double sign)
    {
        int last = -1;
        for (int i = 0; i < coefficients.Length; i++)
        {
            if (Math.Abs(coefficients[i]) > 1e-8)
            {
                last = i;
            }
        }
        if (last < 0)
        {
            return 2.0;
        }
        var poly = new double[last + 2];
        poly[0] = 1.0;
        for (int i = 0; i <= last; i++)
        {
            poly[i + 1] = sign * coefficients[i];
        }
        return PolynomialRoots.MinimumModulus(poly);
    }

    /// <summary>
    /// arima's var.coef = A'(H·n.used)⁻¹A with H from optimhess; myarima's checkarima rejects a fit whose variances
    /// are negative, and R's solve() stops on a (computationally) singular Hessian.
    /// </summary>
    private static bool CovarianceIsValid(Func<double[], double> objective, BatchObjective? batch, double[] coef, double[] parscale, int p, int nUsed)
    {
        if (coef.Length == 0)
        {
            return true;
        }
        double[,] hessian = Bfgs.Hessian(objective, coef, parscale, batch);
        Matrix<double> h = Matrix<double>.Build.DenseOfArray(hessian) * nUsed;
        if (h.Enumerate().Any(v => !double.IsFinite(v)) || h.ConditionNumber() > 1.0 / 2.220446049250313e-16)
        {
            return false;
        }
        Matrix<double> a = Matrix<double>.Build.DenseOfArray(ArimaTransforms.Jacobian(coef, p));
        Matrix<double> variance = a.TransposeThisAndMultiply(h.Solve(a));
        for (int i = 0; i < variance.RowCount; i++)
        {
            if (!(variance[i, i] >= 0.0))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// armafn: 0.5·(log(ssq/nu) + Σlog F / nu) for the parameters, AR part transformed (atanh of partial
    /// autocorrelations). x and xreg are what the state space filters: here the differenced series and regressor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ArmaLikelihood(
        ArmaFilter filter, double[] x, double[]? xreg, double[] par, int p, int q, double[] buffer)
    {
        Span<double> phi = stackalloc double[p];
        ArimaTransforms.ToAr(par.AsSpan(0, p), phi);
        filter.Reset(phi, par.AsSpan(p, q));
        double beta = xreg is null ? 0.0 : par[p + q];
        for (int t = 0; t < x.Length; t++)
        {
            buffer[t] = xreg is null ? x[t] : x[t] - xreg[t] * beta;
        }
        (double ssq, double sumLog, int nu) = filter.Likelihood(buffer);
        double s2 = ssq / nu;
        return 0.5 * (Math.Log(s2) + sumLog / nu);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RemoveRegression(double[] x, double[]? xreg, double[] par, int narma, Span<double> w)
    {
        double beta = xreg is null ? 0.0 : par[narma];
        for (int t = 0; t < x.Length; t++)
        {
            w[t] = xreg is null ? x[t] : x[t] - xreg[t] * beta;
        }
    }

    private static double[] RemoveRegression(double[] x, double[]? xreg, double[] par, int narma)
    {
        if (xreg is null)
        {
            return x;
        }
        double beta = par[narma];
        var w = new double[x.Length];
        for (int t = 0; t < x.Length; t++)
        {
            w[t] = x[t] - xreg[t] * beta;
        }
        return w;
    }

    private static double[] Differenced(double[] x, int d)
    {
        double[] result = x;
        for (int i = 0; i < d; i++)
        {
            result = Kpss.Difference(result);
        }
        return result;
    }
}
