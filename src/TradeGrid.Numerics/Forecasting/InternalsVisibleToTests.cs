using System.Runtime.CompilerServices;

// The forecasting internals (ndiffs, the ETS and ARIMA estimators) are tested against R one step at a time.
[assembly: InternalsVisibleTo("TradeGrid.Numerics.Tests")]
