using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TradeGrid.Grains.Abstractions;

/// <summary>
/// Grain references made once per factory, interface and key, then shared: Orleans resolves the grain interface's
/// type by reflection on its attributes in every GetGrain call (measured at about an eighth of a Predict's CPU over
/// 220 economies, whose coordinator makes one reference per economy per call), while a reference is immutable and
/// safe to share. Bounded: past <see cref="MaxPerFactory"/> references a factory's new ones are made and not kept.
/// </summary>
internal static class GrainReferences
{
    public const int MaxPerFactory = 100_000;

    private static readonly ConditionalWeakTable<IGrainFactory, ConcurrentDictionary<(Type Interface, string Key), IAddressable>> Tables = new();

    public static T Get<T>(IGrainFactory factory, string key)
        where T : IGrainWithStringKey
    {
        ConcurrentDictionary<(Type, string), IAddressable> table = Tables.GetValue(factory, static _ => new());
        if (table.TryGetValue((typeof(T), key), out IAddressable? known))
        {
            return (T)known;
        }

        T made = factory.GetGrain<T>(key);
        if (table.Count < MaxPerFactory)
        {
            table.TryAdd((typeof(T), key), made);
        }

        return made;
    }
}
