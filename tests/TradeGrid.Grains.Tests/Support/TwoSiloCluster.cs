using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Tests.Support;

/// <summary>An Orleans test cluster of two silos, so that nothing assumes one process; shared by the tests of a collection.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    // Set by InitializeAsync, which xunit runs before any test sees the fixture.
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.StopAllSilosAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddTradeGridMemoryStorage();
            siloBuilder.UseInMemoryReminderService(); // job grains keep a reminder while they run
            siloBuilder.AddTradeGridExceptions();
            siloBuilder.AddIncomingGrainCallFilter<VersionReadCounter>();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("TradeGrid"));
    }
}
