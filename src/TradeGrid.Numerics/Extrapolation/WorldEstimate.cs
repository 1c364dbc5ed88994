namespace TradeGrid.Numerics.Extrapolation;

/// <summary>
/// A world total in one year: the covered total (reported + estimated), the covered shares of world GDP and trade, the
/// scaling share s, the world estimate Σ D / s with its standard error and interval (delta method, normal).
/// </summary>
public sealed record WorldEstimate(
    double ReportedTotal,
    double EstimatedTotal,
    double CoveredTotal,
    double GdpShare,
    double TradeShare,
    double Share,
    double World,
    double StandardError,
    double Lower,
    double Upper,
    int Reported,
    int Estimated);
