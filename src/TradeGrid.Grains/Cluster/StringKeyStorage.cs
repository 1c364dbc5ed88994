using Orleans.Storage;

namespace TradeGrid.Grains.Cluster;

/// <summary>
/// Keeps string grain keys strings in ADO.NET storage. The provider stores a key that parses as hexadecimal as a
/// number, so economies "036" and "36" (or "ABC" and "0ABC") would share one row; this wrapper prefixes every key
/// with <see cref="Prefix"/>, which no number or GUID parse accepts, before the provider sees it.
/// </summary>
public sealed class StringKeyStorage(IGrainStorage inner) : IGrainStorage
{
    public const string Prefix = "tg/";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, Stored(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, Stored(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, Stored(grainId), grainState);

    /// <summary>The id the row is stored under: same grain type, key prefixed.</summary>
    public static GrainId Stored(GrainId grainId) => GrainId.Create(grainId.Type, Prefix + grainId.Key.ToString());
}
