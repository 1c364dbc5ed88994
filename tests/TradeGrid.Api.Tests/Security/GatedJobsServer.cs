using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Forecasting;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// A server with keys, one long job per caller (TradeGrid:RateLimits:JobsPerCaller=1), and a <see cref="ForecastGate"/>
/// that holds the forecasts of a gated indicator, so a ForecastAll stays running until the test cancels it.
/// </summary>
public sealed class GatedJobsServer : ServerFixture
{
    public ForecastGate Gate { get; } = new();

    public TestKeys Keys { get; } = new(Roles.Reader, Roles.Writer, Roles.Admin);

    protected override IEnumerable<string> Arguments => ["--no-default-data", "--TradeGrid:RateLimits:JobsPerCaller=1", .. Keys.Arguments];

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<IIncomingGrainCallFilter>(Gate);
}
