using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// A resolved model as it crosses grain calls: the prediction terms (Predict's), the factor A of the coefficients'
/// covariance (A·A' = V), the driver indicators, for each coefficient its driver (−1: intercept) and transform
/// (<see cref="DriverTransform"/> as a number), the weight driver (−1: none), the dependent (for the history) and, for
/// a model with economy fixed effects, the fit's spec from which each economy recovers its own effect; for a model with
/// year effects, the fit's year effects (<see cref="YearEffects"/>), whose last the projected years hold; for a
/// bilateral model, the side each driver is read from.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioModelRecord")]
public sealed record ScenarioModelRecord
{
    [Id(0)] public required string FitId { get; init; }
    [Id(1)] public required PredictionTerms Terms { get; init; }
    [Id(2)] public required double[] Factor { get; init; }
    [Id(3)] public required string[] Drivers { get; init; }
    [Id(4)] public required int[] TermDrivers { get; init; }
    [Id(5)] public required int[] TermTransforms { get; init; }
    [Id(6)] public required int WeightDriver { get; init; }
    [Id(7)] public required string Dependent { get; init; }
    [Id(8)] public DesignSpec? EffectSpec { get; init; }
    [Id(9)] public required string EffectsRule { get; init; }

    /// <summary>The history's multiplier per value (a share in percent: 0.01), and the weight driver's indicator multiplies it too.</summary>
    [Id(10)] public double HistoryScale { get; init; } = 1.0;

    /// <summary>The fit's sample years and their year effects λ_t (models with year effects; empty otherwise).</summary>
    [Id(11)] public int[] EffectYears { get; init; } = [];
    [Id(12)] public double[] YearEffectValues { get; init; } = [];

    /// <summary>
    /// Bilateral models: per driver, whether it is read from the partner's series (true) or the reporter's (false); an
    /// indicator on both sides is two drivers. Empty for unilateral models (every driver is the economy's own).
    /// </summary>
    [Id(13)] public bool[] PartnerSide { get; init; } = [];

    /// <summary>Rows are (reporter, partner, year): one projection per pair.</summary>
    public bool Bilateral => PartnerSide.Length > 0;

    public bool IsPartnerDriver(int driver) => PartnerSide.Length > 0 && PartnerSide[driver];

    /// <summary>A driver as a message names it: the indicator, prefixed "partner:" when it is read from the partner.</summary>
    public string DriverName(int driver) => IsPartnerDriver(driver) ? "partner:" + Drivers[driver] : Drivers[driver];

    /// <summary>The fit's year effects, or null for a model without them.</summary>
    public YearEffects? YearEffects => EffectYears.Length == 0 ? null : new YearEffects(EffectYears, YearEffectValues);

    public ScenarioModel ToModel() => new(Terms.ToModel(), TermDrivers, TermTransforms.Select(t => (DriverTransform)t).ToArray(), Drivers.Length, WeightDriver);

    public string ScaleName => ((ResponseScale)Terms.Scale) switch
    {
        ResponseScale.Log => "log",
        ResponseScale.Logit => "logit",
        ResponseScale.PoissonMean => "poisson-mean",
        _ => "level",
    };
}
