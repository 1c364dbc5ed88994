using TradeGrid.Api.V1;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>A streamed scenario job put together: its job record and its whole result.</summary>
internal sealed record ScenarioRun(ScenarioJob Job, ScenarioResult Result);
