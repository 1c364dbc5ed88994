namespace TradeGrid.Api.Tests.Soak;

/// <summary>
/// The soak runs alone, after every other collection (xunit runs collections that disable parallelization last, one
/// at a time): the heap it measures is then its own server's, not that of servers other tests start beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "soak, alone";
}
