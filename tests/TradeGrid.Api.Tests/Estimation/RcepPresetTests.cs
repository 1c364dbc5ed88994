using System.Globalization;
using System.Text;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>
/// The rcep-digital-services preset on bilateral rows: China's exports to each RCEP partner (synthetic, from a seeded
/// generator: the default dataset has no bilateral series) on the partners' real WDI GDP, internet users and ICT service
/// exports and Chinn-Ito openness, read from ../shared/data at test time. Partner-side regressors are gathered by the
/// coordinator; the fit must equal the single-process one on the rows built here.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class RcepPresetTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const double LinearTolerance = 1e-10;
    private const double PoissonTolerance = 1e-9;
    private const string Exports = "TEST_CHN_DIG_SERV_EXP";
    // The RCEP members of the default dataset other than China (Myanmar is not listed: its ratification is not in force).
    private static readonly string[] _partners = ["AUS", "BRN", "IDN", "JPN", "KHM", "KOR", "LAO", "MYS", "NZL", "PHL", "SGP", "THA", "VNM"];
    private static readonly string[] _drivers = ["NY.GDP.MKTP.CD", "KAOPEN", "IT.NET.USER.ZS", "BX.GSR.CCIS.CD"];
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static Dictionary<(string Economy, string Indicator, int Year), double>? _data;

    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);

    [Fact]
    public async Task Ols_on_logs_equals_the_single_process_fit()
    {
        Dictionary<(string, string, int), double> data = await ImportOnceAsync();
        (double[,] x, double[] y, _, int[] years) = Rows(data, logs: true);
        string[] names = ["(Intercept)", "log(partner:NY.GDP.MKTP.CD)", "partner:KAOPEN", "partner:IT.NET.USER.ZS", "log(partner:BX.GSR.CCIS.CD)"];
        OlsFit expected = Ols.Fit(x, y, names, new OlsOptions(CovarianceKind.Hc1, InterceptColumn: 0));

        FitResponse response = await Estimates.FitAsync(new FitRequest { Preset = "rcep-digital-services", Rcep = new RcepPresetOptions { ExportsIndicator = Exports } });

        FitAssert.Same(expected, response.Fit, LinearTolerance);
        Assert.Equal("rcep-digital-services", response.Fit.Preset);
        Assert.Equal(["CHN"], response.Fit.Spec.Sample.Economies);
        Assert.Contains("JPN", response.Fit.Spec.Sample.Partners);
        Assert.Contains(response.Fit.DataVersions, v => v.Economy == "JPN");
        Assert.True(years.Length > 5);
    }

    [Fact]
    public async Task Ppml_with_year_effects_equals_the_single_process_fit()
    {
        Dictionary<(string, string, int), double> data = await ImportOnceAsync();
        (double[,] x, double[] y, int[] entity, int[] years) = Rows(data, logs: false);
        double[,] slopes = DropFirstColumn(x);
        string[] names = ["log(partner:NY.GDP.MKTP.CD)", "partner:KAOPEN", "partner:IT.NET.USER.ZS", "log(partner:BX.GSR.CCIS.CD)"];
        PoissonFit expected = Ppml.Fit(slopes, y, names, entity, years, new PanelSpec(false, years.Distinct().Order().ToArray()), new PoissonOptions(CovarianceKind.Hc1));

        FitResponse response = await Estimates.FitAsync(new FitRequest
        {
            Preset = "rcep-digital-services",
            Rcep = new RcepPresetOptions { ExportsIndicator = Exports },
            Spec = new ModelSpec { Estimator = Estimator.Ppml, FixedEffects = FixedEffectsKind.Year },
        });

        FitAssert.Same(expected, response.Fit, PoissonTolerance);
    }

    [Fact]
    public async Task Pair_effects_equal_the_single_process_within_fit_and_one_reporter_cannot_cluster()
    {
        Dictionary<(string, string, int), double> data = await ImportOnceAsync();
        (double[,] x, double[] y, int[] entity, int[] years) = Rows(data, logs: true);
        string[] names = ["log(partner:NY.GDP.MKTP.CD)", "partner:KAOPEN", "partner:IT.NET.USER.ZS", "log(partner:BX.GSR.CCIS.CD)"];
        OlsFit expected = FixedEffects.Fit(DropFirstColumn(x), y, names, entity, years, new PanelSpec(true, []), new OlsOptions(CovarianceKind.Hc1));
        var request = new FitRequest
        {
            Preset = "rcep-digital-services",
            Rcep = new RcepPresetOptions { ExportsIndicator = Exports },
            Spec = new ModelSpec { FixedEffects = FixedEffectsKind.Pair },
        };

        FitResponse response = await Estimates.FitAsync(request);
        request.Spec.Covariance = CovarianceType.Cluster;
        Grpc.Core.RpcException ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await Estimates.FitAsync(request));

        FitAssert.Same(expected, response.Fit, LinearTolerance);
        Assert.Equal(entity.Distinct().Count(), response.Fit.Groups);
        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("at least 2 clusters", ex.Status.Detail);
    }

    /// <summary>Rows (partner, year) with exports and all four drivers, partners in code order, as the reporter's grain builds them.</summary>
    private static (double[,] X, double[] Y, int[] Entity, int[] Year) Rows(Dictionary<(string, string, int), double> data, bool logs)
    {
        var rows = new List<double[]>();
        var y = new List<double>();
        var entity = new List<int>();
        var year = new List<int>();
        for (int p = 0; p < _partners.Length; p++)
        {
            for (int t = 2000; t <= 2023; t++)
            {
                if (!data.TryGetValue(("CHN|" + _partners[p], Exports, t), out double exports) || !Drivers(data, _partners[p], t, out double[] d))
                {
                    continue;
                }

                rows.Add([1.0, Math.Log(d[0]), d[1], d[2], Math.Log(d[3])]);
                y.Add(logs ? Math.Log(exports) : exports);
                entity.Add(p);
                year.Add(t);
            }
        }

        var x = new double[rows.Count, 5];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                x[i, j] = rows[i][j];
            }
        }

        return (x, y.ToArray(), entity.ToArray(), year.ToArray());
    }

    private static bool Drivers(Dictionary<(string, string, int), double> data, string economy, int year, out double[] values)
    {
        values = _drivers.Select(i => data.TryGetValue((economy, i, year), out double v) ? v : double.NaN).ToArray();
        return values.All(double.IsFinite) && values[0] > 0.0 && values[3] > 0.0;
    }

    private static double[,] DropFirstColumn(double[,] x)
    {
        var s = new double[x.GetLength(0), x.GetLength(1) - 1];
        for (int i = 0; i < x.GetLength(0); i++)
        {
            for (int j = 1; j < x.GetLength(1); j++)
            {
                s[i, j - 1] = x[i, j];
            }
        }

        return s;
    }

    /// <summary>Imports the partners' drivers and the synthetic bilateral exports once per server; returns what was imported.</summary>
    private async Task<Dictionary<(string, string, int), double>> ImportOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_data is not null)
            {
                return _data;
            }

            var data = new Dictionary<(string, string, int), double>();
            var partners = new HashSet<string>(_partners);
            foreach (string line in SharedData.Lines("wdi_indicators.csv.gz").Concat(SharedData.Lines("chinn_ito_kaopen.csv")))
            {
                string[] f = line.Split(',');
                if (f.Length == 4 && partners.Contains(f[0]) && _drivers.Contains(f[1]) && int.TryParse(f[2], out int t) && t >= 2000
                    && double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    data[(f[0], f[1], t)] = v;
                }
            }

            // Exports = exp(−9 + 0.8 ln GDP + 0.15 KAOPEN + 0.01 internet + 0.25 ln ICT + u), u uniform on ±0.4, seeded.
            var random = new Random(20240501);
            var csv = new StringBuilder("economy,indicator,year,value,partner\n");
            foreach ((string e, string i, int t) in data.Keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item3))
            {
                csv.Append(CultureInfo.InvariantCulture, $"{e},{i},{t},{data[(e, i, t)]:R},\n");
            }

            foreach (string p in _partners)
            {
                for (int t = 2000; t <= 2023; t++)
                {
                    if (Drivers(data, p, t, out double[] d))
                    {
                        double value = Math.Exp(-9 + 0.8 * Math.Log(d[0]) + 0.15 * d[1] + 0.01 * d[2] + 0.25 * Math.Log(d[3]) + 0.8 * (random.NextDouble() - 0.5));
                        string text = value.ToString("R", CultureInfo.InvariantCulture);
                        data[("CHN|" + p, Exports, t)] = double.Parse(text, CultureInfo.InvariantCulture);
                        csv.Append(CultureInfo.InvariantCulture, $"CHN,{Exports},{t},{text},{p}\n");
                    }
                }
            }

            var client = new DataService.DataServiceClient(server.Channel);
            await client.ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), new ImportHeader { FileName = "rcep_test.csv", Source = "test" });
            _data = data;
            return data;
        }
        finally
        {
            _once.Release();
        }
    }
}
