using System.Globalization;
using System.Text;
using System.Text.Json;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using static TradeGrid.Api.Tests.Support.RFixture;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>
/// The cross-country analogue of the RCEP model through the server, on real data: UNCTAD digitally deliverable services
/// exports of every country on its ln GDP, Chinn-Ito openness, WGI regulatory quality, internet users and ln ICT service
/// exports, 2010–2022, imported from ../shared/data at test time through the Import RPC. Both models are compared with R:
/// tests/TradeGrid.Numerics.Tests/fixtures/regression/digital_exports_real.json, written by digital_exports_real.R beside
/// it (lm + factor(year) + vcovCL HC1; glm poisson with economy and year factors + vcovCL HC0), both clustered by economy.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class DigitalExportsThroughServerTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    // The R side's OLS is the same least-squares problem; its glm was run to 1e-13 and restarted at its solution (see
    // PpmlAgainstGlmTests): both agree with the library to 1e-9, and the grain path equals the library to rounding.
    private const double RelativeTolerance = 1e-9;
    private const double PValueTolerance = 1e-8; // p-values amplify t's relative error by about t²
    private const string Exports = "UNCTAD_DE_DIG_SERVTRADE_ANN_EXP";
    private static readonly string[] _drivers = ["NY.GDP.MKTP.CD", "KAOPEN", "RQ.EST", "IT.NET.USER.ZS", "BX.GSR.CCIS.CD"];
    private static readonly string[] _files = ["unctad_digitally_deliverable_services_trade.csv", "wdi_indicators.csv.gz", "chinn_ito_kaopen.csv", "wgi_governance.csv.gz"];
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static bool _imported;

    private static readonly JsonElement _r = RFixture.Regression("digital_exports_real.json");

    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);

    [Fact]
    public async Task Ols_on_logs_with_year_effects_clustered_by_economy_matches_lm()
    {
        await ImportOnceAsync();
        JsonElement ols = _r.GetProperty("ols");

        FitResponse response = await Estimates.FitAsync(new FitRequest { Spec = Spec(Estimator.Ols, FixedEffectsKind.Year, CovarianceType.Cluster) });

        // lm's table holds the intercept first and the year dummies last; the year-effects fit reports the slopes only.
        AssertTable(ols.GetProperty("cr1"), response.Fit, skip: 1);
        Assert.Equal(ols.GetProperty("n").GetInt32(), response.Fit.Observations);
        Assert.Equal(ols.GetProperty("g").GetInt32(), response.Fit.Clusters);
        // Economy-years without every variable are left out too (R's merge); the rows that cannot be logged are counted apart.
        Assert.Equal(ols.GetProperty("rows_not_logged").GetInt32(), response.Fit.DroppedRows.Where(d => d.Reason.Contains("drop_nonpositive_log", StringComparison.Ordinal)).Sum(d => d.Rows));
        Close(ols.GetProperty("r_squared").GetDouble(), response.Fit.RSquared, RelativeTolerance, "R²");
    }

    [Fact]
    public async Task Ppml_with_economy_and_year_effects_clustered_by_economy_matches_glm()
    {
        await ImportOnceAsync();
        JsonElement ppml = _r.GetProperty("ppml");

        FitResponse response = await Estimates.FitAsync(new FitRequest { Spec = Spec(Estimator.Ppml, FixedEffectsKind.TwoWay, CovarianceType.ClusterCr0) });

        AssertTable(ppml.GetProperty("cr0"), response.Fit, skip: 0);
        Assert.Equal(ppml.GetProperty("n").GetInt32(), response.Fit.Observations);
        Assert.Equal(ppml.GetProperty("separated_rows").GetInt32(), response.Fit.SeparatedRows);
        Assert.Equal(ppml.GetProperty("g").GetInt32(), response.Fit.Clusters);
        Assert.Equal(ppml.GetProperty("k_all").GetInt32(), response.Fit.Parameters + response.Fit.AbsorbedParameters);
        Close(ppml.GetProperty("deviance").GetDouble(), response.Fit.Deviance, RelativeTolerance, "deviance");
        Close(ppml.GetProperty("pseudo_r2").GetDouble(), response.Fit.PseudoRSquared, RelativeTolerance, "pseudo R²");
    }

    /// <summary>The fixture's sample: its economies (countries with every variable), 2010–2022, GDP and ICT exports logged.</summary>
    private static ModelSpec Spec(Estimator estimator, FixedEffectsKind effects, CovarianceType covariance)
    {
        var spec = new ModelSpec
        {
            Dependent = estimator == Estimator.Ppml ? Specs.Level(Exports) : Specs.Log(Exports),
            Sample = new ModelSample { From = 2010, To = 2022 },
            FixedEffects = effects,
            Covariance = covariance,
            Estimator = estimator,
            DropNonpositiveLog = true,
        };
        spec.Sample.Economies.Add(_r.GetProperty("economy").EnumerateArray().Select(e => e.GetString() ?? "").Distinct());
        spec.Regressors.Add(Specs.Log(_drivers[0]));
        spec.Regressors.Add(Specs.Level(_drivers[1]));
        spec.Regressors.Add(Specs.Level(_drivers[2]));
        spec.Regressors.Add(Specs.Level(_drivers[3]));
        spec.Regressors.Add(Specs.Log(_drivers[4]));
        return spec;
    }

    private static void AssertTable(JsonElement expected, ModelFit fit, int skip)
    {
        // R's table: [intercept,] the five slopes[, the year dummies].
        Range slopes = skip..(skip + _drivers.Length);
        double[] beta = Doubles(expected, "coefficients")[slopes];
        double[] se = Doubles(expected, "se")[slopes];
        double[] p = Doubles(expected, "p")[slopes];
        Assert.Equal(beta.Length, fit.Coefficients.Count);
        for (int j = 0; j < beta.Length; j++)
        {
            FitCoefficient c = fit.Coefficients[j];
            Assert.Contains(_drivers[j], c.Name, StringComparison.Ordinal);
            Close(beta[j], c.Estimate, RelativeTolerance, $"beta[{c.Name}]");
            Close(se[j], c.StdError, RelativeTolerance, $"se[{c.Name}]");
            Close(p[j], c.PValue, PValueTolerance, $"p[{c.Name}]");
        }

        Assert.Equal(expected.GetProperty("df").GetDouble(), fit.Df);
    }

    /// <summary>Imports the exports and drivers of the fixture's economies, 2010–2022, once per server.</summary>
    private async Task ImportOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_imported)
            {
                return;
            }

            var economies = _r.GetProperty("economy").EnumerateArray().Select(e => e.GetString()).ToHashSet();
            string csv = SharedData.TidyCsv(_files, f => economies.Contains(f[0]) && (f[1] == Exports || _drivers.Contains(f[1]))
                && int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) && t >= 2010 && t <= 2022);

            var client = new DataService.DataServiceClient(server.Channel);
            await client.ImportAsync(Encoding.UTF8.GetBytes(csv), new ImportHeader { FileName = "digital_exports.csv", Source = "test", CreateEconomies = true });
            _imported = true;
        }
        finally
        {
            _once.Release();
        }
    }
}
