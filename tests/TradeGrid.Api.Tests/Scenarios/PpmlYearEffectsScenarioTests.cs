using TradeGrid.Api.Tests.Describe;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>
/// Scenarios on PPML fits with year effects alone and with economy and year effects, through the server on the
/// shipped data (ASEAN's real GDP on population, Penn World Table 9.1, 2005–2017). With every driver held at its last
/// sample year's value, each economy's baseline is the fit's mean of that year, exp(α_i + λ_T + x'b), and the zero of
/// λ_T's Poisson score says those means add up to the year's observed total: Σ_i baseline_i = Σ_i y_iT, recomputed here
/// from GetSeries. It holds only if λ_T (and, two-way, every α_i with it) is the score's zero, so it checks the
/// recovered effects, not only that the request is served.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PpmlYearEffectsScenarioTests(ServerFixture server)
{
    // Ten positive numbers added in another order, and the rounds' 1e-12 convergence on the link scale.
    private const double Tolerance = 1e-10;
    private const int Last = 2017;

    [Theory]
    [InlineData(FixedEffectsKind.Year, "ln(Σy / Σexp(x'b))")]
    [InlineData(FixedEffectsKind.TwoWay, "alternating score rounds")]
    public async Task Held_drivers_give_baselines_that_add_up_to_the_last_years_total(FixedEffectsKind effects, string how)
    {
        var spec = new ScenarioSpec
        {
            Fit = new FitRequest
            {
                Spec = new ModelSpec
                {
                    Dependent = new ModelVariable { Indicator = "rgdpna", Transform = VariableTransform.Level },
                    Regressors = { new ModelVariable { Indicator = "pop", Transform = VariableTransform.Log } },
                    Sample = new ModelSample { Groups = { "ASEAN" }, From = 2005, To = Last },
                    FixedEffects = effects,
                    Estimator = Estimator.Ppml,
                },
            },
            TargetYear = Last + 3,
            Groups = { "ASEAN" },
            Baselines = { new DriverBaseline { Indicator = "pop", Kind = DriverPathKind.Constant } },
        };

        ScenarioResult result = await ScenarioStream.RunAsync(server.Channel.CreateCallInvoker(), spec);

        Assert.Equal("poisson-mean", result.Scale);
        Assert.Contains($"held at the last sample year's estimated effect ({Last}:", result.EffectsRule);
        Assert.Contains(how, result.EffectsRule);
        Assert.Equal(Last + 1, result.FirstYear);
        ScenarioSeries[] projected = result.Economies.Where(e => e.Skipped.Length == 0).ToArray();
        Assert.Equal(result.Economies.Count, projected.Length);
        Assert.True(projected.Length >= 8, $"{projected.Length} ASEAN economies projected");
        double observed = 0.0;
        foreach (ScenarioSeries economy in projected)
        {
            // The driver is held at its value of the fit's last year, so the first projected year is that year's mean.
            Assert.Equal(await ValueAsync(economy.Economy, "pop", Last), await LastValueAsync(economy.Economy, "pop"));
            observed += await ValueAsync(economy.Economy, "rgdpna", Last);
        }

        double baseline = projected.Sum(e => e.Years[0].Baseline);
        DescribeAssert.Relative(observed, baseline, Tolerance, $"{effects}: Σ baseline {Last + 1} against Σ rgdpna {Last}");
    }

    private async Task<double> ValueAsync(string economy, string indicator, int year)
    {
        GetSeriesResponse r = await new DataService.DataServiceClient(server.Channel)
            .GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = indicator, From = year, To = year });
        return r.Series.Observations.Single(o => o.Year == year).Value;
    }

    private async Task<double> LastValueAsync(string economy, string indicator)
    {
        GetSeriesResponse r = await new DataService.DataServiceClient(server.Channel)
            .GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = indicator });
        return r.Series.Observations[^1].Value;
    }
}
