using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>Runs a scenario through RunScenario and gathers its stream: the summary, with every streamed economy added to it.</summary>
public static class ScenarioStream
{
    public static async Task<ScenarioResult> RunAsync(CallInvoker invoker, ScenarioSpec spec)
    {
        var client = new ScenarioService.ScenarioServiceClient(invoker);
        using AsyncServerStreamingCall<RunScenarioResponse> call = client.RunScenario(new RunScenarioRequest { Spec = spec });
        var economies = new List<ScenarioSeries>();
        ScenarioResult? summary = null;
        await foreach (RunScenarioResponse m in call.ResponseStream.ReadAllAsync())
        {
            if (m.Economy is { } e)
            {
                economies.Add(e);
            }

            summary = m.Summary ?? summary;
        }

        Assert.NotNull(summary);
        summary.Economies.Add(economies);
        return summary;
    }
}
