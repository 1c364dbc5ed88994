using System.Globalization;
using System.Text;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Tests.Estimation;

/// <summary>
/// The coordinator on two silos: economy grains on both answer with QR, score and IRLS parts that cross the wire through
/// the surrogates, and the fit equals the single-process numerics on the same rows (generated here, seeded).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EstimateGrainTests(TwoSiloCluster cluster)
{
    private const double LinearTolerance = 1e-10;
    private const double PoissonTolerance = 1e-9;
    private const int Economies = 24;
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static Panel? _panel;

    [Fact]
    public async Task Pooled_ols_with_cluster_errors_across_silos_equals_the_single_process_fit()
    {
        Panel panel = await SeedOnceAsync();
        OlsFit expected = Ols.Fit(panel.WithIntercept(), panel.Y, ["(Intercept)", "x1", "x2"], new OlsOptions(CovarianceKind.ClusterCr1, InterceptColumn: 0), panel.Entity);

        FitOutcome fit = await Fit(EffectsKind.None, CovarianceChoice.ClusterCr1, EstimatorKind.Ols);

        Assert.Equal(expected.Observations, fit.Statistics.Observations);
        Assert.Equal(expected.Clusters, fit.Statistics.Clusters);
        Close(expected.Coefficients, fit.Statistics.Coefficients, LinearTolerance);
        Close(expected.StandardErrors, fit.Statistics.StandardErrors, LinearTolerance);
        Close([expected.RSquared, expected.WaldF, expected.LogLikelihood], [fit.Statistics.RSquared, fit.Statistics.WaldF, fit.Statistics.LogLikelihood], LinearTolerance);
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());
    }

    [Fact]
    public async Task Two_way_fixed_effects_across_silos_equal_the_single_process_fit()
    {
        Panel panel = await SeedOnceAsync();
        var spec = new PanelSpec(true, panel.Year.Distinct().Order().ToArray());
        OlsFit expected = FixedEffects.Fit(panel.X, panel.Y, ["x1", "x2"], panel.Entity, panel.Year, spec, new OlsOptions(CovarianceKind.Hc1));

        FitOutcome fit = await Fit(EffectsKind.TwoWay, CovarianceChoice.Hc1, EstimatorKind.Ols);

        Close(expected.Coefficients, fit.Statistics.Coefficients, LinearTolerance);
        Close(expected.StandardErrors, fit.Statistics.StandardErrors, LinearTolerance);
        Close([expected.WithinRSquared, expected.Sigma], [fit.Statistics.WithinRSquared, fit.Statistics.Sigma], LinearTolerance);
    }

    [Fact]
    public async Task Ppml_with_economy_effects_across_silos_equals_the_single_process_fit()
    {
        Panel panel = await SeedOnceAsync();
        PoissonFit expected = Ppml.Fit(panel.X, panel.Counts, ["x1", "x2"], panel.Entity, panel.Year, new PanelSpec(true, []), new PoissonOptions(CovarianceKind.ClusterCr0), panel.Entity);

        FitOutcome fit = await Fit(EffectsKind.Economy, CovarianceChoice.ClusterCr0, EstimatorKind.Ppml, "est_count");

        Assert.Equal(expected.Observations, fit.Statistics.Observations);
        Assert.Equal(expected.Iterations, fit.Statistics.Iterations);
        Close(expected.Coefficients, fit.Statistics.Coefficients, PoissonTolerance);
        Close(expected.StandardErrors, fit.Statistics.StandardErrors, PoissonTolerance);
        Close([expected.Deviance, expected.PseudoRSquared], [fit.Statistics.Deviance, fit.Statistics.PseudoRSquared], PoissonTolerance);
    }

    [Fact]
    public async Task Ppml_separation_rounds_across_silos_drop_the_same_rows_and_column_as_the_single_process_fit()
    {
        Panel panel = await SeedOnceAsync();
        string[] names = ["est_x1", "est_x2", "est_sep"];
        PoissonFit expected = Ppml.Fit(panel.WithSeparating, panel.Counts, names, panel.Entity, panel.Year, new PanelSpec(true, []), new PoissonOptions(CovarianceKind.ClusterCr0), panel.Entity);

        FitOutcome fit = await Fit(EffectsKind.Economy, CovarianceChoice.ClusterCr0, EstimatorKind.Ppml, "est_count",
            names.Select(n => new VariableSpec(n, TransformKind.Level, 0, SideKind.Reporter)).ToArray());

        Assert.NotEmpty(expected.SeparatedRows);
        Assert.Equal(["est_sep"], expected.DroppedColumns);
        Assert.Equal(expected.DroppedColumns, fit.Statistics.DroppedColumns);
        Assert.Equal(expected.SeparatedRows.Length, fit.Statistics.SeparatedRows);
        Assert.Equal(expected.SeparationNotes, fit.Statistics.SeparationNotes);
        Assert.Equal(expected.Observations, fit.Statistics.Observations);
        Close(expected.Coefficients, fit.Statistics.Coefficients, PoissonTolerance);
        Close(expected.StandardErrors, fit.Statistics.StandardErrors, PoissonTolerance);
    }

    [Fact]
    public async Task Lag_and_difference_transforms_read_the_earlier_years()
    {
        Panel panel = await SeedOnceAsync();
        var rows = new List<(double[] X, double Y)>();
        for (int i = 1; i < panel.Y.Length; i++)
        {
            if (panel.Entity[i] == panel.Entity[i - 1] && panel.Year[i] == panel.Year[i - 1] + 1)
            {
                rows.Add(([1.0, panel.X[i - 1, 0], panel.X[i, 1] - panel.X[i - 1, 1]], panel.Y[i]));
            }
        }

        var x = new double[rows.Count, 3];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                x[i, j] = rows[i].X[j];
            }
        }

        OlsFit expected = Ols.Fit(x, rows.Select(r => r.Y).ToArray(), ["(Intercept)", "lag1(est_x1)", "diff1(est_x2)"], new OlsOptions(CovarianceKind.Hc1, InterceptColumn: 0));

        FitOutcome fit = await Fit(EffectsKind.None, CovarianceChoice.Hc1, EstimatorKind.Ols, "est_y",
            [new VariableSpec("est_x1", TransformKind.Level, 1, SideKind.Reporter), new VariableSpec("est_x2", TransformKind.Difference, 1, SideKind.Reporter)]);

        Assert.Equal(expected.Names, fit.Statistics.Names);
        Assert.Equal(expected.Observations, fit.Statistics.Observations);
        Close(expected.Coefficients, fit.Statistics.Coefficients, LinearTolerance);
        Close(expected.StandardErrors, fit.Statistics.StandardErrors, LinearTolerance);
    }

    [Fact]
    public async Task A_sample_over_the_row_limit_is_refused_and_nothing_is_cached()
    {
        await SeedOnceAsync();
        var spec = new DesignSpec
        {
            Dependent = new VariableSpec("est_y", TransformKind.Level, 0, SideKind.Reporter),
            Regressors = [new VariableSpec("est_x2", TransformKind.Log1p, 0, SideKind.Reporter)],
            Economies = Codes(),
            Partners = [],
            From = 0,
            To = 0,
            Effects = EffectsKind.None,
            Estimator = EstimatorKind.Ols,
            Covariance = CovarianceChoice.Classical,
            ConfidenceLevel = 0.9,
            DropCollinear = false,
            DropNonpositiveLog = true,
        };
        IFitCoordinator model = cluster.Grains.GetGrain<IFitCoordinator>(spec.FitId());

        var ex = await Assert.ThrowsAsync<Domain.ResourceLimitException>(async () => await model.Fit(spec, 10));
        FitOutcome? cached = await model.GetFit();

        Assert.Contains("limit of 10", ex.Message);
        Assert.Null(cached);
    }

    private async Task<FitOutcome> Fit(EffectsKind effects, CovarianceChoice covariance, EstimatorKind estimator, string dependent = "est_y", VariableSpec[]? regressors = null)
    {
        var spec = new DesignSpec
        {
            Dependent = new VariableSpec(dependent, TransformKind.Level, 0, SideKind.Reporter),
            Regressors = regressors ?? [new VariableSpec("est_x1", TransformKind.Level, 0, SideKind.Reporter), new VariableSpec("est_x2", TransformKind.Level, 0, SideKind.Reporter)],
            Economies = Codes(),
            Partners = [],
            From = 0,
            To = 0,
            Effects = effects,
            Estimator = estimator,
            Covariance = covariance,
            ConfidenceLevel = 0.95,
            DropCollinear = false,
            DropNonpositiveLog = false,
        };
        FitOutcome fit = await cluster.Grains.GetGrain<IFitCoordinator>(spec.FitId()).Fit(spec, 1_000_000);
        return fit;
    }

    private static string[] Codes() => Enumerable.Range(0, Economies).Select(i => $"EG{i:D2}").ToArray();

    private static void Close(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            double error = Math.Abs(actual[j] / expected[j] - 1.0);
            Assert.True(error <= tolerance, $"[{j}]: expected {expected[j]:R}, got {actual[j]:R} (error {error:G3})");
        }
    }

    /// <summary>Seeds the economies once: x1, x2 and entity effects correlated with x1; y linear; counts Poisson-like with some zeros.</summary>
    private async Task<Panel> SeedOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_panel is not null)
            {
                return _panel;
            }

            var random = new Random(11);
            var csv = new StringBuilder("economy,indicator,year,value\n");
            var x = new List<double[]>();
            var y = new List<double>();
            var counts = new List<double>();
            var entity = new List<int>();
            var year = new List<int>();
            string[] codes = Codes();
            for (int g = 0; g < codes.Length; g++)
            {
                double effect = random.NextDouble() * 2.0;
                int first = 1990 + random.Next(0, 5);
                for (int t = first; t <= 2009; t++)
                {
                    double x1 = effect + random.NextDouble();
                    double x2 = random.NextDouble() * 3.0 - 1.5;
                    double value = 1.0 + 0.5 * x1 - 0.3 * x2 + effect + 0.01 * (t - 2000) + random.NextDouble() - 0.5;
                    double count = random.NextDouble() < 0.05 ? 0.0 : Math.Round(Math.Exp(0.3 * x1 - 0.2 * x2 + effect) * (0.5 + random.NextDouble()), 3);
                    // est_sep is 1 only on some zero-count rows: it separates them (PPML must drop the rows and the column).
                    double sep = count == 0.0 && g % 3 == 0 ? 1.0 : 0.0;
                    string[] cells = [Text(x1), Text(x2), Text(value), Text(count), Text(sep)];
                    csv.Append(CultureInfo.InvariantCulture, $"{codes[g]},est_x1,{t},{cells[0]}\n{codes[g]},est_x2,{t},{cells[1]}\n");
                    csv.Append(CultureInfo.InvariantCulture, $"{codes[g]},est_y,{t},{cells[2]}\n{codes[g]},est_count,{t},{cells[3]}\n{codes[g]},est_sep,{t},{cells[4]}\n");
                    x.Add([Parse(cells[0]), Parse(cells[1]), sep]);
                    y.Add(Parse(cells[2]));
                    counts.Add(Parse(cells[3]));
                    entity.Add(g);
                    year.Add(t);
                }
            }

            await cluster.ImportAsync(codes, csv.ToString(), "est.csv");
            var design = new double[x.Count, 2];
            var separating = new double[x.Count, 3];
            for (int i = 0; i < x.Count; i++)
            {
                design[i, 0] = x[i][0];
                design[i, 1] = x[i][1];
                separating[i, 0] = x[i][0];
                separating[i, 1] = x[i][1];
                separating[i, 2] = x[i][2];
            }

            _panel = new Panel(design, separating, y.ToArray(), counts.ToArray(), entity.ToArray(), year.ToArray());
            return _panel;
        }
        finally
        {
            _once.Release();
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record Panel(double[,] X, double[,] WithSeparating, double[] Y, double[] Counts, int[] Entity, int[] Year)
    {
        public double[,] WithIntercept()
        {
            var x = new double[Y.Length, 3];
            for (int i = 0; i < Y.Length; i++)
            {
                x[i, 0] = 1.0;
                x[i, 1] = X[i, 0];
                x[i, 2] = X[i, 1];
            }

            return x;
        }
    }
}
