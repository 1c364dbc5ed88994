using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>
/// Formula fits through the server on the Advanced Guide's chapter 1 data (trade, rta and dist of 69 × 69 economies,
/// domestic flows included), imported from ../shared/data as a bilateral tidy CSV (economy = exporter, partner =
/// importer) with --create-economies: the served numbers equal the one-process Numerics.Absorption fit on the rows
/// this test builds from the same file, and the structural-gravity RTA estimate is the book's.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class FormulaThroughServerTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const double Tolerance = 1e-9;
    private static readonly SemaphoreSlim _once = new(1, 1);
    private static Rows? _rows;

    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);

    [Fact]
    public async Task Structural_gravity_ppml_by_formula_equals_the_one_process_fit_and_the_book()
    {
        Rows rows = await ImportOnceAsync();
        AbsorbedFit expected = AbsorbedPpml.Fit(rows.Trade, [rows.Rta], ["rta"], [rows.ExporterYear, rows.ImporterYear, rows.SymmetricPair],
            new AbsorbedOptions(CovarianceKind.ClusterCr0, [rows.SymmetricPair]));

        FitResponse response = await Estimates.FitAsync(new FitRequest
        {
            Spec = new ModelSpec
            {
                Formula = "trade ~ rta | reporter^year + partner^year + sympair",
                Estimator = Estimator.Ppml,
                Covariance = CovarianceType.ClusterCr0,
                Cluster = { "sympair" },
                Domestic = true,
                Sample = new ModelSample { Economies = { rows.Economies }, Partners = { rows.Economies } },
            },
        });

        ModelFit fit = response.Fit;
        Assert.Equal("rta", fit.Coefficients.Single().Name);
        AssertClose(expected.Coefficients[0], fit.Coefficients[0].Estimate, "rta");
        AssertClose(expected.StandardErrors[0], fit.Coefficients[0].StdError, "SE rta");
        Assert.Equal(0.557, Math.Round(fit.Coefficients[0].Estimate, 3));
        Assert.Equal(0.102, Math.Round(fit.Coefficients[0].StdError, 3));
        Assert.Equal(expected.Observations, fit.Observations);
        Assert.Equal(84, fit.SeparatedRows);
        Assert.Equal(["reporter^year", "partner^year", "sympair"], fit.Effects.Select(e => e.Name));
        Assert.Equal([414L, 414L, 2408L], fit.Effects.Select(e => e.Groups));
        Assert.Equal("sympair", fit.ClusterDimensions.Single().Name);
        Assert.Contains("CR0", fit.SmallSample, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_without_intercept_and_a_raw_cubic_fit_through_post_v1_fits()
    {
        Rows rows = await ImportOnceAsync();
        double[] logDist = rows.Dist.Select(d => Math.Log(d)).ToArray();
        AbsorbedFit noIntercept = AbsorbedOls.Fit(rows.Rta, [logDist], ["log(dist)"], [], new AbsorbedOptions(CovarianceKind.Hc1, Intercept: false));
        AbsorbedFit cubic = AbsorbedOls.Fit(rows.Rta, [logDist, logDist.Select(v => v * v).ToArray(), logDist.Select(v => v * v * v).ToArray()],
            ["log(dist)", "log(dist)^2", "log(dist)^3"], [], new AbsorbedOptions(CovarianceKind.Hc1));
        string sample = JsonSerializer.Serialize(new { economies = rows.Economies, partners = rows.Economies });

        foreach ((string formula, AbsorbedFit expected) in new[] { ("rta ~ 0 + log(dist)", noIntercept), ("rta ~ poly(log(dist), 3)", cubic) })
        {
            using var body = new StringContent(
                "{\"spec\": {\"formula\": \"" + formula + "\", \"covariance\": \"COVARIANCE_TYPE_HC1\", \"domestic\": true, \"sample\": " + sample + "}}",
                Encoding.UTF8, "application/json");
            using HttpResponseMessage http = await server.Http.PostAsync("/v1/fits", body);
            string text = await http.Content.ReadAsStringAsync();
            Assert.True(http.IsSuccessStatusCode, text);
            JsonElement coefficients = JsonDocument.Parse(text).RootElement.GetProperty("fit").GetProperty("coefficients");
            Assert.Equal(expected.Names, coefficients.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            for (int j = 0; j < expected.Names.Length; j++)
            {
                JsonElement c = coefficients[j];
                AssertClose(expected.Coefficients[j], c.GetProperty("estimate").GetDouble(), $"{formula} {expected.Names[j]}");
                AssertClose(expected.StandardErrors[j], c.GetProperty("stdError").GetDouble(), $"{formula} SE {expected.Names[j]}");
            }
        }
    }

    [Fact]
    public async Task Bad_formulas_and_effects_are_refused_naming_the_token_or_the_field()
    {
        Rows rows = await ImportOnceAsync();
        var sample = new ModelSample { Economies = { rows.Economies } };

        var parse = await Assert.ThrowsAsync<RpcException>(() => Estimates.FitAsync(new FitRequest
        {
            Spec = new ModelSpec { Formula = "trade ~ rta | reporter^yaer", Sample = sample.Clone() },
        }).ResponseAsync);
        var unilateral = await Assert.ThrowsAsync<RpcException>(() => Estimates.FitAsync(new FitRequest
        {
            Spec = new ModelSpec { Dependent = new ModelVariable { Indicator = "trade" }, Regressors = { new ModelVariable { Indicator = "rta" } }, Effects = { "partner^year" }, Sample = sample.Clone() },
        }).ResponseAsync);
        var both = await Assert.ThrowsAsync<RpcException>(() => Estimates.FitAsync(new FitRequest
        {
            Spec = new ModelSpec { Formula = "trade ~ rta", FixedEffects = FixedEffectsKind.TwoWay, Sample = sample.Clone() },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, parse.StatusCode);
        Assert.Contains("'yaer' at column 24", parse.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, unilateral.StatusCode);
        Assert.Contains("partner^year needs bilateral rows", unilateral.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, both.StatusCode);
        Assert.StartsWith("formula:", both.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareFits_returns_fits_in_the_order_asked_and_refuses_an_unknown_id()
    {
        Rows rows = await ImportOnceAsync();
        var sample = new ModelSample { Economies = { rows.Economies }, Partners = { rows.Economies } };
        ModelFit a = (await Estimates.FitAsync(new FitRequest { Spec = new ModelSpec { Formula = "rta ~ log(dist)", Sample = sample.Clone() } })).Fit;
        ModelFit b = (await Estimates.FitAsync(new FitRequest { Spec = new ModelSpec { Formula = "rta ~ log(dist) | reporter + partner", Sample = sample.Clone() } })).Fit;

        CompareFitsResponse compared = await Estimates.CompareFitsAsync(new CompareFitsRequest { FitIds = { b.FitId, a.FitId } });
        var missing = await Assert.ThrowsAsync<RpcException>(() => Estimates.CompareFitsAsync(new CompareFitsRequest { FitIds = { a.FitId, "0123456789abcdef" } }).ResponseAsync);

        Assert.Equal([b.FitId, a.FitId], compared.Fits.Select(f => f.FitId));
        Assert.Equal(["reporter", "partner"], compared.Fits[0].Effects.Select(e => e.Name));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        double error = Math.Abs(actual / expected - 1.0);
        Assert.True(error <= Tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }

    private async Task<Rows> ImportOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_rows is not null)
            {
                return _rows;
            }

            // The book's file is tidy bilateral already (economy, partner, indicator, year, value); the Import format
            // is economy,indicator,year,value,partner: the same rows with the columns reordered.
            var values = new Dictionary<(string, string, int), double[]>();
            var csv = new StringBuilder("economy,indicator,year,value,partner\n");
            using (var reader = new StreamReader(new GZipStream(File.OpenRead(RepoFiles.Shared("gravity_agtpa_manufacturing_1986_2006.csv.gz")), CompressionMode.Decompress)))
            {
                _ = reader.ReadLine();
                while (reader.ReadLine() is { } line)
                {
                    string[] f = line.Split(',');
                    int slot = f[2] switch { "trade" => 0, "rta" => 1, "dist" => 2, _ => -1 };
                    if (slot < 0)
                    {
                        continue;
                    }

                    csv.Append(CultureInfo.InvariantCulture, $"{f[0]},{f[2]},{f[3]},{f[4]},{f[1]}\n");
                    var key = (f[0], f[1], int.Parse(f[3], CultureInfo.InvariantCulture));
                    if (!values.TryGetValue(key, out double[]? row))
                    {
                        row = new double[3];
                        values[key] = row;
                    }

                    row[slot] = double.Parse(f[4], CultureInfo.InvariantCulture);
                }
            }

            ImportResponse imported = await new DataService.DataServiceClient(server.Channel).ImportAsync(
                Encoding.UTF8.GetBytes(csv.ToString()), new ImportHeader { FileName = "gravity.csv", CreateEconomies = true, Source = "test" });
            Assert.True(imported.ObservationsWritten > 0, imported.ToString());
            _rows = new Rows(values);
            return _rows;
        }
        finally
        {
            _once.Release();
        }
    }

    private sealed class Rows
    {
        public Rows(Dictionary<(string Exporter, string Importer, int Year), double[]> values)
        {
            var ordered = values.OrderBy(v => v.Key.Exporter, StringComparer.Ordinal).ThenBy(v => v.Key.Importer, StringComparer.Ordinal).ThenBy(v => v.Key.Year).ToArray();
            Economies = ordered.Select(v => v.Key.Exporter).Distinct().ToArray();
            int[] exporter = ordered.Select(v => Array.IndexOf(Economies, v.Key.Exporter)).ToArray();
            int[] importer = ordered.Select(v => Array.IndexOf(Economies, v.Key.Importer)).ToArray();
            int[] year = ordered.Select(v => v.Key.Year).ToArray();
            Trade = ordered.Select(v => v.Value[0]).ToArray();
            Rta = ordered.Select(v => v.Value[1]).ToArray();
            Dist = ordered.Select(v => v.Value[2]).ToArray();
            ExporterYear = new EffectDimension("reporter^year", EffectIds.Interact(exporter, year));
            ImporterYear = new EffectDimension("partner^year", EffectIds.Interact(importer, year));
            SymmetricPair = new EffectDimension("sympair", EffectIds.Symmetric(exporter, importer));
        }

        public string[] Economies { get; }
        public double[] Trade { get; }
        public double[] Rta { get; }
        public double[] Dist { get; }
        public EffectDimension ExporterYear { get; }
        public EffectDimension ImporterYear { get; }
        public EffectDimension SymmetricPair { get; }
    }
}
