using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Forecasting;

/// <summary>A server of its own whose silo holds forecast calls for an indicator starting with <see cref="ForecastGate.Prefix"/> at a <see cref="ForecastGate"/>.</summary>
public sealed class ForecastGateServer : ServerFixture
{
    public ForecastGate Gate { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<IIncomingGrainCallFilter>(Gate);
}
