using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace TradeGrid.Grains.Hosting;

/// <summary>How every TradeGrid silo (the server's and the test clusters') is set up for its grains.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// In-memory grain storage that keeps state in Orleans' binary format. The provider's default, JSON, was the
    /// largest single cost of loading and importing (every write serializes the economy's whole state).
    /// </summary>
    public static ISiloBuilder AddTradeGridMemoryStorage(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(StorageNames.Provider, (OptionsBuilder<MemoryGrainStorageOptions> options) =>
            options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));

    /// <summary>Lets TradeGrid's own exceptions cross grain calls with their type and message.</summary>
    public static ISiloBuilder AddTradeGridExceptions(this ISiloBuilder silo)
    {
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("TradeGrid"));
        return silo;
    }
}
