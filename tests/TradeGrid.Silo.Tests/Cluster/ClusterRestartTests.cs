using TradeGrid.Api.V1;
using TradeGrid.Grains.Cluster;
using TradeGrid.Silo.Tests.Support;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// Two real silo processes on one PostgreSQL database: what one silo writes the other serves, and after every silo
/// is killed (-9) and new ones start, every imported series, fit and stored forecast is still there, and the
/// start-up data was not loaded again over them.
/// </summary>
public sealed class ClusterRestartTests
{
    private const string Csv = """
        economy,indicator,year,value
        036,tg_test,2020,36
        36,tg_test,2020,99
        QQA,tg_test,2018,10
        QQA,tg_test,2019,12
        QQA,tg_test,2020,14
        QQA,tg_test,2021,16
        USA,pop,2017,1.25
        """;

    [PostgresFact]
    public async Task ImportedThroughOneSilo_IsServedByTheOther_AndOutlivesKillingEverySilo()
    {
        string database = await TestPostgres.CreateDatabaseAsync();
        await PostgresSchema.MigrateAsync(database, CancellationToken.None);
        SiloProcess? a = null, b = null, c = null, d = null;
        try
        {
            a = await SiloProcess.StartAsync(database, defaultData: true);
            b = await SiloProcess.StartAsync(database, defaultData: true);
            Assert.Contains("joined a cluster whose start-up data is loaded", b.Log);

            ImportResponse imported = await new DataService.DataServiceClient(a.Channel).ImportAsync(Csv);
            Assert.True(imported.Write.Committed);
            Assert.Empty(imported.DurabilityNote);
            var forecasts = new ForecastService.ForecastServiceClient(b.Channel);
            ForecastResponse stored = await forecasts.ForecastAsync(new ForecastRequest { Economy = "QQA", Indicator = "tg_test", Method = "drift", Horizon = 2, Store = true });
            FitResponse fit = await new EstimateService.EstimateServiceClient(a.Channel).FitAsync(new FitRequest { Spec = RcepSpec() });
            var throughB = new DataService.DataServiceClient(b.Channel);
            Assert.Equal(36, await throughB.ValueAsync("036", "tg_test", 2020));
            Assert.Equal(99, await throughB.ValueAsync("36", "tg_test", 2020));
            Assert.Equal(1.25, await throughB.ValueAsync("USA", "pop", 2017));
            double? forecast2022 = await throughB.ValueAsync("QQA", "tg_test", 2022);
            Assert.NotNull(forecast2022);

            a.Kill();
            b.Kill();
            c = await SiloProcess.StartAsync(database, a.SiloPort, defaultData: true);
            d = await SiloProcess.StartAsync(database, b.SiloPort, defaultData: true);

            Assert.Contains("joined a cluster whose start-up data is loaded", c.Log);
            var throughD = new DataService.DataServiceClient(d.Channel);
            Assert.Equal(36, await Imports.WhenClusterSettledAsync(() => throughD.ValueAsync("036", "tg_test", 2020)));
            Assert.Equal(99, await throughD.ValueAsync("36", "tg_test", 2020));
            Assert.Equal(16, await throughD.ValueAsync("QQA", "tg_test", 2021));
            Assert.Equal(forecast2022, await throughD.ValueAsync("QQA", "tg_test", 2022));
            Assert.True(stored.Write.Committed);
            // The start-up data was not loaded again over the import.
            Assert.Equal(1.25, await new DataService.DataServiceClient(c.Channel).ValueAsync("USA", "pop", 2017));

            var estimates = new EstimateService.EstimateServiceClient(c.Channel);
            GetFitResponse kept = await estimates.GetFitAsync(new GetFitRequest { FitId = fit.Fit.FitId });
            Assert.Equal(fit.Fit.Coefficients.Select(k => (k.Name, k.Estimate, k.StdError)), kept.Fit.Coefficients.Select(k => (k.Name, k.Estimate, k.StdError)));
            Assert.False(kept.Fit.Stale);
            ListFitsResponse listed = await estimates.ListFitsAsync(new ListFitsRequest());
            Assert.Contains(listed.Fits, f => f.FitId == fit.Fit.FitId);
        }
        finally
        {
            foreach (SiloProcess? silo in new[] { a, b, c, d })
            {
                if (silo is not null)
                {
                    await silo.DisposeAsync();
                }
            }
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static ModelSpec RcepSpec()
    {
        var spec = new ModelSpec
        {
            Dependent = new ModelVariable { Indicator = "rgdpna", Transform = VariableTransform.Log },
            Sample = new ModelSample { From = 2010, To = 2016 },
        };
        spec.Sample.Groups.Add("RCEP");
        spec.Regressors.Add(new ModelVariable { Indicator = "pop", Transform = VariableTransform.Log });
        return spec;
    }
}
