using System.Runtime.CompilerServices;

// The tests check internal numerics against references directly: tail probabilities, the triangular solves, and the
// forecasting internals (ndiffs, the ETS and ARIMA estimators) one step at a time against R.
[assembly: InternalsVisibleTo("TradeGrid.Numerics.Tests")]
