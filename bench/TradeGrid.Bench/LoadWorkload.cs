using System.Globalization;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// The soak's mixed workload, drawn call by call from a seeded generator: 85% reads (GetSeries 75%, GetPanel 10%), 10%
/// describe and forecasts (Growth 5%, Forecast 5%), 4% fits (half a spec seen before, answered from the fit cache,
/// half a new one), 1% writes (a small Import, or a Forecast with store). Every call carries the bench's API key.
/// </summary>
internal sealed class LoadWorkload(CallInvoker invoker, IReadOnlyList<string> economies)
{
    public const string WriteEconomy = "XLB";

    public static readonly string[] Kinds = ["GetSeries", "GetPanel", "Growth", "Forecast", "Fit (cached)", "Fit (new)", "Import", "Forecast (store)"];

    private readonly DataService.DataServiceClient _data = new(invoker);
    private readonly DescribeService.DescribeServiceClient _describe = new(invoker);
    private readonly ForecastService.ForecastServiceClient _forecast = new(invoker);
    private readonly EstimateService.EstimateServiceClient _estimate = new(invoker);
    private int _newFits;
    private int _imports;

    /// <summary>The kind of call number <paramref name="draw"/> (uniform in [0, 1)) stands for.</summary>
    public static int Pick(double draw) => draw switch
    {
        < 0.75 => 0,
        < 0.85 => 1,
        < 0.90 => 2,
        < 0.95 => 3,
        < 0.97 => 4,
        < 0.99 => 5,
        < 0.995 => 6,
        _ => 7,
    };

    /// <summary>Twenty years of a series for the write economy, so that stored forecasts have data to start from.</summary>
    public async Task SetUpAsync(CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        for (int year = 1998; year <= 2017; year++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{WriteEconomy},bench_x,{year},{100 + (year - 1998) * 3.5}\n");
        }
        await ImportAsync(csv.ToString(), cancellationToken);
    }

    public Task CallAsync(int kind, Random random, CancellationToken cancellationToken)
    {
        string economy = economies[random.Next(economies.Count)];
        return kind switch
        {
            0 => _data.GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = random.Next(2) == 0 ? "pop" : "rgdpna", From = 1990, To = 2017 }, cancellationToken: cancellationToken).ResponseAsync,
            1 => PanelAsync(cancellationToken),
            2 => _describe.GrowthAsync(new GrowthRequest { Economy = economy, Indicator = "rgdpna", From = 2000, To = 2017 }, cancellationToken: cancellationToken).ResponseAsync,
            3 => _forecast.ForecastAsync(new ForecastRequest { Economy = economy, Indicator = "pop", Method = "drift", Horizon = 5 }, cancellationToken: cancellationToken).ResponseAsync,
            4 => _estimate.FitAsync(new FitRequest { Spec = Spec(1990, 2017) }, cancellationToken: cancellationToken).ResponseAsync,
            5 => _estimate.FitAsync(new FitRequest { Spec = NewSpec() }, cancellationToken: cancellationToken).ResponseAsync,
            6 => ImportAsync($"economy,indicator,year,value\n{WriteEconomy},bench_y,2017,{Interlocked.Increment(ref _imports)}\n", cancellationToken),
            _ => _forecast.ForecastAsync(new ForecastRequest { Economy = WriteEconomy, Indicator = "bench_x", Method = "linear", Horizon = 3, Store = true }, cancellationToken: cancellationToken).ResponseAsync,
        };
    }

    private async Task PanelAsync(CancellationToken cancellationToken)
    {
        var request = new GetPanelRequest { Group = "ASEAN", From = 2010, To = 2017 };
        request.Indicators.Add("pop");
        using AsyncServerStreamingCall<GetPanelResponse> call = _data.GetPanel(request, cancellationToken: cancellationToken);
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
        }
    }

    private async Task ImportAsync(string csv, CancellationToken cancellationToken)
    {
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = _data.Import(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ImportRequest { Header = new ImportHeader { FileName = "load.csv", CreateEconomies = true, Source = "load bench" } }, cancellationToken);
        await call.RequestStream.WriteAsync(new ImportRequest { Chunk = ByteString.CopyFromUtf8(csv) }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    // A new sample window each time (cycling through 30 × 20 windows): a fit the cache has not seen.
    private ModelSpec NewSpec()
    {
        int n = Interlocked.Increment(ref _newFits);
        int from = 1960 + n % 30;
        int to = from + 10 + (n / 30) % 20;
        return Spec(from, Math.Min(to, 2017));
    }

    private static ModelSpec Spec(int from, int to)
    {
        var spec = new ModelSpec
        {
            Dependent = new ModelVariable { Indicator = "rgdpna", Transform = VariableTransform.Log },
            Sample = new ModelSample { From = from, To = to },
            Covariance = CovarianceType.Hc1,
        };
        spec.Sample.Groups.Add("WLD");
        spec.Regressors.Add(new ModelVariable { Indicator = "pop", Transform = VariableTransform.Log });
        spec.Regressors.Add(new ModelVariable { Indicator = "hc", Transform = VariableTransform.Log });
        return spec;
    }
}
