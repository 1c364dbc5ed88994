using System.Globalization;
using System.Text;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Tests.Scenarios;

/// <summary>
/// The small panel the year-effect scenario tests share in shape: eight economies (prefix + A…H), one regressor x
/// (logged) and a dependent y, imported once into the cluster; a fit spec with the effects asked; and the scenario
/// that gives every economy x = 2.0 + 0.1·i, 2.1, 2.2 for the three years after <see cref="Last"/> and raises x by 10%
/// in the first four.
/// </summary>
internal sealed class YearEffectsPanel(string prefix, TransformKind dependentTransform, int last)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _seeded;

    public int Last => last;

    public string X => prefix.ToLowerInvariant() + "_x";

    public string Y => prefix.ToLowerInvariant() + "_y";

    public string[] Codes() => Enumerable.Range(0, 8).Select(i => prefix + (char)('A' + i)).ToArray();

    public double[] Given(string code) => [2.0 + (0.1 * Array.IndexOf(Codes(), code)), 2.1, 2.2];

    public DesignSpec Spec(EffectsKind effects, EstimatorKind estimator) => new()
    {
        Dependent = new VariableSpec(Y, dependentTransform, 0, SideKind.Reporter),
        Regressors = [new VariableSpec(X, TransformKind.Log, 0, SideKind.Reporter)],
        Economies = Codes(),
        Partners = [],
        From = 0,
        To = 0,
        Effects = effects,
        Estimator = estimator,
        Covariance = CovarianceChoice.Classical,
        ConfidenceLevel = 0.95,
        DropCollinear = false,
        DropNonpositiveLog = false,
    };

    public ScenarioRequestSpec Request(string fitId)
    {
        string[] codes = Codes();
        GivenPath[] paths = codes.Select(c => new GivenPath(0, c, [last + 1, last + 2, last + 3], Given(c))).ToArray();
        var shock = new ScenarioShockRecord
        {
            Driver = -1,
            Kind = (int)ShockKind.Percent,
            Value = 10,
            StartYear = 0,
            FullYear = 0,
            PhaseIn = (int)PhaseIn.Immediate,
            PerYear = false,
            PathYears = [],
            PathValues = [],
            Targets = codes.Take(4).Select(c => new YearSpan(c, 0, 0)).ToArray(),
        };
        return new ScenarioRequestSpec
        {
            FitId = fitId,
            TargetYear = last + 3,
            Sources = [new ScenarioSourceRequest("baselines[0]", X, ScenarioDriverSource.Given, "auto", paths)],
            Shocks = [new ScenarioShockRequest("shocks[0]", X, shock)],
            Economies = [],
            Groups = [],
            Paths = 0,
            Seed = 5,
            Quantiles = [0.05, 0.5, 0.95],
            CommonShocks = false,
            ResidualNoise = false,
            Bootstrap = false,
            Store = false,
            Correction = BiasCorrection.Smearing,
            ForbidRefit = false,
            Preset = string.Empty,
            SpecJson = "{}",
            MaxRows = 1_000_000,
        };
    }

    /// <summary>Imports the panel's x and y levels into the cluster, the first time only.</summary>
    public async Task SeedOnceAsync(TwoSiloCluster cluster, (double[] X, double[] Y, string[] Economies, int[] Years) levels)
    {
        await _once.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            var csv = new StringBuilder("economy,indicator,year,value\n");
            for (int i = 0; i < levels.Y.Length; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{levels.Economies[i]},{X},{levels.Years[i]},{levels.X[i].ToString("R", CultureInfo.InvariantCulture)}\n");
                csv.Append(CultureInfo.InvariantCulture, $"{levels.Economies[i]},{Y},{levels.Years[i]},{levels.Y[i].ToString("R", CultureInfo.InvariantCulture)}\n");
            }

            await cluster.ImportAsync(Codes(), csv.ToString(), prefix.ToLowerInvariant() + ".csv");
            _seeded = true;
        }
        finally
        {
            _once.Release();
        }
    }
}
