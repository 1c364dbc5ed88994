using System.Diagnostics;
using TradeGrid.Bench.Estimate;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The models the server fits, through TradeGrid.Numerics alone on the panel in memory: as bench/estimate's
/// LibraryFits, except that every cluster covariance is by reporter (the server's clusters), not by pair.
/// Three untimed fits first (JIT, first touch of the data), then timed fits (wall and this process's CPU time).
/// </summary>
internal static class InProcessFits
{
    public static LibraryTiming Run(string model, BilateralPanel panel, int runs)
    {
        Func<(double[] Beta, double[] Se)> fit = model switch
        {
            "ols_cluster" => Ols(panel),
            "fe_two_way" => TwoWay(panel),
            "ppml_pair_year" => Poisson(panel),
            _ => throw new ArgumentException($"Unknown model '{model}'.", nameof(model)),
        };

        (double[] beta, double[] se) = fit();
        fit();
        fit();
        var times = new double[runs];
        var cpu = new double[runs];
        using Process process = Process.GetCurrentProcess();
        for (int r = 0; r < runs; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            (beta, se) = fit();
            times[r] = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        return new LibraryTiming(model, times, cpu, beta, se);
    }

    /// <summary>OLS of ln y on an intercept and the regressors, CR1 by reporter; coefficients with the intercept first, as the server's.</summary>
    private static Func<(double[], double[])> Ols(BilateralPanel panel)
    {
        int n = panel.Rows;
        var x = new double[n, 6];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = 1.0;
            for (int j = 0; j < 5; j++)
            {
                x[i, j + 1] = panel.X[i, j];
            }
        }

        string[] names = ["(Intercept)", .. BilateralPanel.Names];
        var options = new OlsOptions(CovarianceKind.ClusterCr1, InterceptColumn: 0);
        return () =>
        {
            OlsFit fit = TradeGrid.Numerics.Regression.Ols.Fit(x, panel.LogY, names, options, panel.Reporter);
            return (fit.Coefficients, fit.StandardErrors);
        };
    }

    /// <summary>Pair and year effects on ln y, CR1 by reporter.</summary>
    private static Func<(double[], double[])> TwoWay(BilateralPanel panel)
    {
        var spec = new PanelSpec(true, Years(panel));
        var options = new OlsOptions(CovarianceKind.ClusterCr1);
        return () =>
        {
            OlsFit fit = FixedEffects.Fit(panel.X, panel.LogY, BilateralPanel.Names, panel.Pair, panel.Year, spec, options, panel.Reporter);
            return (fit.Coefficients, fit.StandardErrors);
        };
    }

    /// <summary>PPML of y with pair and year effects, CR0 by reporter.</summary>
    private static Func<(double[], double[])> Poisson(BilateralPanel panel)
    {
        var spec = new PanelSpec(true, Years(panel));
        var options = new PoissonOptions(CovarianceKind.ClusterCr0);
        return () =>
        {
            PoissonFit fit = Ppml.Fit(panel.X, panel.Y, BilateralPanel.Names, panel.Pair, panel.Year, spec, options, panel.Reporter);
            return (fit.Coefficients, fit.StandardErrors);
        };
    }

    private static int[] Years(BilateralPanel panel) => Enumerable.Range(2000, panel.Years).ToArray();
}
