using System.Runtime.CompilerServices;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// The key of an economy's cached rows for a request: the spec's rows key (a SHA-256 of its canonical text) and the
/// partners' versions. Every reporter of a fit, in every round, receives the same immutable spec object in a silo, so
/// its rows key is hashed once per spec object instead of once per economy and round (PPML asks in every IRLS step).
/// </summary>
internal static class RowsKeys
{
    private static readonly ConditionalWeakTable<DesignSpec, string> Keys = new();

    public static string Of(BlockRequest request) => Keys.GetValue(request.Spec, spec => spec.RowsKey()) + "|" + request.PartnerStamp;
}
