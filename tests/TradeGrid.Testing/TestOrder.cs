namespace TradeGrid.Testing;

/// <summary>
/// The order the test projects run in, chosen by the environment variable <c>TRADEGRID_TEST_ORDER</c>:
/// unset (or <c>default</c>) leaves xunit's own order; <c>forward</c> runs collections, the classes inside each
/// collection and the tests inside each class in ordinal name order; <c>reverse</c> runs all three in reverse
/// name order. Running the suite both ways shows that no test depends on another having run before it.
/// </summary>
public enum TestOrder
{
    Default,
    Forward,
    Reverse,
}
