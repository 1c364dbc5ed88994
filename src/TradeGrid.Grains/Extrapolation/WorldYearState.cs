using TradeGrid.Grains.Abstractions.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// One year of an economy in the pipeline before prediction: the known share (NaN if none) and how it is known, GDP
/// and trade as of the year, the regressor row (null when a driver is missing, with the reason), and the reported
/// share set aside when the economy is hidden.
/// </summary>
internal sealed record WorldYearState(int Year, Coverage Coverage, double Share, double Gdp, double Trade, double[]? Row, string Reason, double HiddenShare);
