using System.Globalization;
using TradeGrid.Api.Catalog;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Api.Forecasting;

/// <summary>Checks the fields every forecast request shares and builds the grain's spec; messages name the field.</summary>
public static class ForecastValidation
{
    /// <summary>The service's horizon limit (the Numerics' too): annual projections beyond 50 years are not forecasts.</summary>
    public const int MaxHorizon = 50;

    /// <summary>More levels than this is a mistake, not a fan chart.</summary>
    public const int MaxLevels = 10;

    public const string DefaultMethod = "auto";

    /// <summary>HoldoutSelector's defaults (3 origins of 3 years), used when a request asks for holdout selection.</summary>
    public const int DefaultHoldout = 3;

    /// <summary>Each origin is a full refit of every candidate; more than this is a benchmark, not a request.</summary>
    public const int MaxHoldoutOrigins = 20;

    public static ForecastSpec Spec(
        string indicator, string partner, string method, int horizon, IReadOnlyList<double> levels,
        int trainStart, int trainEnd, bool logScale, bool store, int holdoutHorizon = 0, int holdoutOrigins = 0)
    {
        string indicatorCode = RequestValidation.Indicator(indicator, "indicator");
        string partnerCode = RequestValidation.OptionalEconomy(partner, "partner");
        string methodName = Method(method);
        if (horizon < 1 || horizon > MaxHorizon)
        {
            throw new InvalidSpecException($"horizon: must be in [1, {MaxHorizon}] years; got {horizon}");
        }
        if (levels.Count > MaxLevels)
        {
            throw new InvalidSpecException($"levels: give at most {MaxLevels} levels; got {levels.Count}");
        }
        for (int i = 0; i < levels.Count; i++)
        {
            if (!(levels[i] > 0.0 && levels[i] < 100.0))
            {
                throw new InvalidSpecException(
                    $"levels[{i}]: must be a percentage in (0, 100), e.g. 80 or 95; got {levels[i].ToString(CultureInfo.InvariantCulture)}");
            }
        }
        (int from, int to) = RequestValidation.YearRange(trainStart, trainEnd, "train_start", "train_end");
        if (holdoutHorizon < 0 || holdoutHorizon > MaxHorizon)
        {
            throw new InvalidSpecException($"holdout_horizon: must be in [1, {MaxHorizon}] years, or 0 for 3; got {holdoutHorizon}");
        }
        if (holdoutOrigins < 0 || holdoutOrigins > MaxHoldoutOrigins)
        {
            throw new InvalidSpecException($"holdout_origins: must be in [1, {MaxHoldoutOrigins}], or 0 for 3; got {holdoutOrigins}");
        }
        double[] levelArray = levels.Count == 0 ? [80.0, 95.0] : levels.ToArray();
        return new ForecastSpec(indicatorCode, partnerCode, methodName, horizon, levelArray, from, to, logScale, store,
            holdoutHorizon, holdoutOrigins);
    }

    /// <summary>A method name, lower-cased; empty means auto.</summary>
    public static string Method(string method)
    {
        string name = (method ?? string.Empty).Trim().ToLowerInvariant();
        if (name.Length == 0)
        {
            return DefaultMethod;
        }
        if (!Forecaster.MethodNames.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidSpecException($"method: unknown method '{method}'; valid: {string.Join(", ", Forecaster.MethodNames)}");
        }
        return name;
    }
}
