using System.Text;
using Grpc.Net.Client;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>
/// A server of the catalogue's own (no other test class writes to it), with small limits so every limit is reached
/// by a small request, and a few economies (CQA, CQB, CQC) whose series make the refusals of fits reachable:
/// cq_x2 = 2 × cq_x (collinear), cq_neg ≤ 0 (log refused), cq_short with two years (N ≤ K).
/// </summary>
public sealed class CatalogueServer : IAsyncLifetime
{
    /// <summary>The limits below, as the host reads them (IOptions binds when first asked, after this is added).</summary>
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["TradeGrid:Limits:MaxJsonBodyBytes"] = MaxJsonBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TradeGrid:Limits:MaxPanelCells"] = MaxPanelCells.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TradeGrid:Import:MaxBytes"] = MaxImportBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TradeGrid:Import:MaxLineChars"] = MaxLineChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TradeGrid:Import:MaxCellChars"] = MaxCellChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public const int MaxJsonBodyBytes = 64 * 1024;
    public const int MaxPanelCells = 20_000;
    public const int MaxImportBytes = 200_000;
    public const int MaxLineChars = 4096;
    public const int MaxCellChars = 256;

    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services; // ! set by InitializeAsync before any test runs

    public async Task InitializeAsync()
    {
        // Port 0 everywhere, read back once bound (as ServerFixture does): no port is chosen and released first.
        _app = TradeGridHost.Build(["--grpc-port", "0", "--http-port", "0", "--gateway-port", "0", "--Logging:LogLevel:Default=Warning"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Limits);
            builder.Services.Configure<EndpointOptions>(o => o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, 0));
        });
        await _app.StartAsync();
        await _app.Services.GetRequiredService<DatasetReadiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(10));
        string[] addresses = [.. _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses];
        Channel = GrpcChannel.ForAddress(addresses[0], new GrpcChannelOptions { MaxSendMessageSize = null });
        Http = new HttpClient { BaseAddress = new Uri(addresses[1]) };
        await new DataService.DataServiceClient(Channel).ImportAsync(Encoding.UTF8.GetBytes(Rows()), new ImportHeader { FileName = "catalogue.csv", CreateEconomies = true, Source = "catalogue" });
    }

    /// <summary>Every economy's data version, the indicator count and the fit count: what a refused request must not change.</summary>
    public async Task<string> SnapshotAsync()
    {
        var data = new DataService.DataServiceClient(Channel);
        ListEconomiesResponse economies = await data.ListEconomiesAsync(new ListEconomiesRequest());
        IGrainFactory grains = Services.GetRequiredService<IGrainFactory>();
        var versions = await Task.WhenAll(economies.Economies.Select(async e => $"{e.Code}:{(await grains.Economy(e.Code).GetOverview()).Version}"));
        int indicators = (await data.ListIndicatorsAsync(new ListIndicatorsRequest())).Indicators.Count;
        int fits = (await new EstimateService.EstimateServiceClient(Channel).ListFitsAsync(new ListFitsRequest())).Fits.Count;
        return $"economies {economies.Economies.Count}, indicators {indicators}, fits {fits}; " + string.Join(",", versions.Order(StringComparer.Ordinal));
    }

    private static string Rows()
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        string[] economies = ["CQA", "CQB", "CQC"];
        for (int e = 0; e < economies.Length; e++)
        {
            for (int year = 2000; year <= 2010; year++)
            {
                double x = 1 + e + (0.37 * (year - 2000)) + (0.11 * ((year * 7) % 5));
                csv.Append($"{economies[e]},cq_y,{year},{(3 * x) + (e * 0.5) + ((year % 3) * 0.2)}\n");
                csv.Append($"{economies[e]},cq_x,{year},{x}\n");
                csv.Append($"{economies[e]},cq_x2,{year},{2 * x}\n");
                csv.Append($"{economies[e]},cq_neg,{year},{(year % 2 == 0 ? -1 : 0)}\n");
            }
            csv.Append($"{economies[e]},cq_short,2000,1\n{economies[e]},cq_short,2001,2\n");
        }
        return csv.ToString();
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
