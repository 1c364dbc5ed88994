namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// An objective evaluated at several points in one call: values[i] = f(points[i]) for i &lt; count, each exactly what
/// the single-point objective returns there. The optimiser's finite-difference gradient asks for its 2n points at
/// once, so an objective whose work is a serial recursion (a Kalman filter) can run them side by side in vector lanes.
/// The points are the optimiser's buffers: read them, keep no reference.
/// </summary>
internal delegate void BatchObjective(double[][] points, int count, double[] values);
