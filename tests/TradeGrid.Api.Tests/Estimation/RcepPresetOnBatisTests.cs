using System.Globalization;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using static TradeGrid.Api.Tests.Support.RFixture;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>
/// The rcep-digital-services preset on real bilateral data, as a user runs it: the OECD-WTO BaTIS extract of China's
/// services exports by partner (../shared/data/batis_chn_services_bilateral.csv.gz, imported whole with
/// create_economies) and the partners' WDI, Chinn-Ito and WGI series, then a fit that names only the preset. Every
/// number is compared with R: tests/TradeGrid.Numerics.Tests/fixtures/regression/rcep_batis_real.json, written by
/// rcep_batis_real.R beside it (lm + sandwich HC1 for the default; fixest feols/fepois clustered by partner for the six
/// fits of docs/estimation-service.md).
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class RcepPresetOnBatisTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    // The same least-squares problems (OLS) and the same Poisson likelihood solved to its floor on both sides
    // (fixest's tolerances tightened in the script): they agree with the library to 1e-9 (see DigitalExportsThroughServerTests).
    private const double RelativeTolerance = 1e-9;
    private const double PValueTolerance = 1e-8; // p-values amplify t's relative error by about t²
    private static readonly string[] _partners = ["AUS", "BRN", "CHN", "IDN", "JPN", "KHM", "KOR", "LAO", "MYS", "NZL", "PHL", "SGP", "THA", "VNM"];
    private static readonly string[] _drivers = ["NY.GDP.MKTP.CD", "KAOPEN", "IT.NET.USER.ZS", "BX.GSR.CCIS.CD", "RQ.EST"];
    private static readonly string[] _files = ["wdi_indicators.csv.gz", "chinn_ito_kaopen.csv", "wgi_governance.csv.gz"];
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static bool _imported;

    private static readonly JsonElement _r = RFixture.Regression("rcep_batis_real.json");

    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);

    [Fact]
    public async Task The_preset_alone_fits_pooled_ols_on_logs_with_hc1_as_lm_does()
    {
        await ImportOnceAsync();
        JsonElement expected = _r.GetProperty("default");

        FitResponse response = await Estimates.FitAsync(new FitRequest { Preset = "rcep-digital-services" });

        AssertTable(expected, response.Fit);
        Assert.Equal(expected.GetProperty("n").GetInt64(), response.Fit.Observations);
        Close(expected.GetProperty("r_squared").GetDouble(), response.Fit.RSquared, RelativeTolerance, "R²");
        Assert.Equal("rcep-digital-services", response.Fit.Preset);
        Assert.Equal("BATIS_X_SF+BATIS_X_SG+BATIS_X_SH+BATIS_X_SI+BATIS_X_SJ+BATIS_X_SK", response.Fit.Spec.Dependent.Indicator);
        // Partner-years with exports but without every driver (Brunei and Viet Nam in every year) are counted as dropped.
        Assert.Equal(_r.GetProperty("batis_rows").GetInt64() - response.Fit.Observations, response.Fit.DroppedRows.Sum(d => d.Rows));
    }

    [Fact]
    public async Task Each_code_is_overridden_by_the_request()
    {
        await ImportOnceAsync();
        JsonElement expected = _r.GetProperty("regulatory_quality");

        FitResponse response = await Estimates.FitAsync(new FitRequest
        {
            Preset = "rcep-digital-services",
            Rcep = new RcepPresetOptions { OpennessIndicator = "RQ.EST" },
        });

        AssertTable(expected, response.Fit);
        Assert.Equal(expected.GetProperty("n").GetInt64(), response.Fit.Observations);
        Assert.Contains("RQ.EST", response.Fit.Coefficients[2].Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ols_pooled")]
    [InlineData("ols_year")]
    [InlineData("ols_partner")]
    [InlineData("ppml_pooled")]
    [InlineData("ppml_year")]
    [InlineData("ppml_partner")]
    public async Task Fits_clustered_by_partner_match_fixest(string name)
    {
        await ImportOnceAsync();
        JsonElement expected = _r.GetProperty("fits").GetProperty(name);
        bool ppml = expected.GetProperty("estimator").GetString() == "ppml";
        var spec = new ModelSpec { Estimator = ppml ? Estimator.Ppml : Estimator.Ols, Covariance = CovarianceType.Cluster };
        // R writes a one-element vector as a bare string, an empty one as [].
        JsonElement effects = expected.GetProperty("effects");
        spec.Effects.Add(effects.ValueKind == JsonValueKind.String ? [effects.GetString() ?? string.Empty] : effects.EnumerateArray().Select(e => e.GetString() ?? string.Empty));
        spec.Cluster.Add("partner");

        FitResponse response = await Estimates.FitAsync(new FitRequest { Preset = "rcep-digital-services", Spec = spec });

        // fepois reports p from the normal (z), feols from t with G − 1 df: the fit carries both.
        AssertTable(expected.GetProperty("table"), response.Fit, normalP: ppml);
        Assert.Equal(expected.GetProperty("n").GetInt64(), response.Fit.Observations);
        Assert.Equal(_r.GetProperty("partner").EnumerateArray().Select(p => p.GetString()).Distinct().Count(), response.Fit.Clusters);
        if (ppml)
        {
            Close(expected.GetProperty("deviance").GetDouble(), response.Fit.Deviance, RelativeTolerance, "deviance");
        }
        else
        {
            Close(expected.GetProperty("r2").GetDouble(), response.Fit.RSquared, RelativeTolerance, "R²");
        }
    }

    [Theory]
    [InlineData("exports", "BATIS_X_SQ+BATIS_X_SI", "rcep.exports_indicator", "BaTIS")]
    [InlineData("digital", "IT.NET.BBND.P2", "rcep.digital_indicator", "WDI")]
    [InlineData("openness", "KA_OPEN", "rcep.openness_indicator", "Chinn-Ito")]
    [InlineData("openness", "VA.EST", "rcep.openness_indicator", "Worldwide Governance Indicators")]
    public async Task A_missing_series_is_not_found_naming_the_field_the_code_and_what_to_import(string option, string code, string field, string source)
    {
        await ImportOnceAsync();
        var options = new RcepPresetOptions();
        switch (option)
        {
            case "exports": options.ExportsIndicator = code; break;
            case "digital": options.DigitalIndicator = code; break;
            default: options.OpennessIndicator = code; break;
        }

        RpcException ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Estimates.FitAsync(new FitRequest { Preset = "rcep-digital-services", Rcep = options }));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.StartsWith(field + ":", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(code.Split('+')[0], ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(source, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("import", ex.Status.Detail, StringComparison.Ordinal);
    }

    private static void AssertTable(JsonElement expected, ModelFit fit, bool normalP = false)
    {
        double[] beta = Doubles(expected, "coefficients");
        double[] se = Doubles(expected, "se");
        double[] p = Doubles(expected, "p");
        Assert.Equal(beta.Length, fit.Coefficients.Count);
        for (int j = 0; j < beta.Length; j++)
        {
            FitCoefficient c = fit.Coefficients[j];
            Close(beta[j], c.Estimate, RelativeTolerance, $"beta[{c.Name}]");
            Close(se[j], c.StdError, RelativeTolerance, $"se[{c.Name}]");
            Close(p[j], normalP ? c.PValueNormal : c.PValue, PValueTolerance, $"p[{c.Name}]");
        }

        Assert.Equal(expected.GetProperty("df").GetDouble(), fit.Df);
    }

    /// <summary>Imports the whole BaTIS file, then the drivers of China and the RCEP members, once per server.</summary>
    private async Task ImportOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_imported)
            {
                return;
            }

            var client = new DataService.DataServiceClient(server.Channel);
            await client.ImportAsync(File.ReadAllBytes(RepoFiles.Shared("batis_chn_services_bilateral.csv.gz")),
                new ImportHeader { FileName = "batis_chn_services_bilateral.csv.gz", Source = "OECD-WTO BaTIS", CreateEconomies = true });
            string csv = SharedData.TidyCsv(_files, f => _partners.Contains(f[0]) && _drivers.Contains(f[1])
                && int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) && t >= 2000);
            await client.ImportAsync(Encoding.UTF8.GetBytes(csv), new ImportHeader { FileName = "rcep_drivers.csv", Source = "WDI, Chinn-Ito, WGI" });
            _imported = true;
        }
        finally
        {
            _once.Release();
        }
    }
}
