using System.Globalization;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// A generated panel for the scenario benchmark at a size the real data does not reach (the default dataset has 144
/// economies with population, human capital and openness in every year; no WDI combination of three drivers covers
/// 200): economies G001, G002, … with pop, hc, openness and rgdpna for 1990–2017, imported with create_economies.
/// rgdpna follows ln y = a_i + 0.9 ln pop + 0.5 hc + 0.3 openness + noise, so the fit is like the real one's.
/// Fixed seed: every run imports the same bytes.
/// </summary>
internal static class GeneratedScenarioPanel
{
    public const int FirstYear = 1990;
    public const int LastYear = 2017;

    public static string[] Codes(int economies) =>
        Enumerable.Range(1, economies).Select(i => "G" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();

    public static async Task ImportAsync(DataService.DataServiceClient data, string[] codes)
    {
        var random = new Random(20261203);
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach (string code in codes)
        {
            double pop = Math.Exp(1.0 + (random.NextDouble() * 4.0));
            double hc = 1.2 + (random.NextDouble() * 2.0);
            double openness = 0.2 + random.NextDouble();
            double effect = (random.NextDouble() - 0.5) * 0.6;
            double popGrowth = 1.005 + (random.NextDouble() * 0.025);
            for (int year = FirstYear; year <= LastYear; year++)
            {
                pop *= popGrowth + ((random.NextDouble() - 0.5) * 0.004);
                hc += 0.01 + (random.NextDouble() * 0.02);
                openness = Math.Max(0.05, openness + ((random.NextDouble() - 0.5) * 0.06));
                double y = Math.Exp(7.0 + effect + (0.9 * Math.Log(pop)) + (0.5 * hc) + (0.3 * openness) + ((random.NextDouble() - 0.5) * 0.1));
                foreach ((string indicator, double value) in new[] { ("pop", pop), ("hc", hc), ("openness", openness), ("rgdpna", y) })
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{code},{indicator},{year},{value.ToString("G10", CultureInfo.InvariantCulture)}\n");
                }
            }
        }

        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = data.Import();
        await call.RequestStream.WriteAsync(new ImportRequest
        {
            Header = new ImportHeader { Format = ImportFormat.Tidy, CreateEconomies = true, Source = "TradeGrid.Bench generated panel", FileName = "scenario-panel.csv" },
        });
        await call.RequestStream.WriteAsync(new ImportRequest { Chunk = ByteString.CopyFromUtf8(csv.ToString()) });
        await call.RequestStream.CompleteAsync();
        ImportResponse response = await call.ResponseAsync;
        if (response.ObservationsWritten != codes.Length * 4 * (LastYear - FirstYear + 1))
        {
            throw new InvalidOperationException($"The generated panel wrote {response.ObservationsWritten} observations.");
        }
    }
}
