using System.Runtime.CompilerServices;

// The tests check internal numerics (tail probabilities, the triangular solves) against references directly.
[assembly: InternalsVisibleTo("TradeGrid.Numerics.Tests")]
