using System.Globalization;
using System.Text;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;

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
        ScenarioShockRecord shock = ScenarioRequests.Percent(10, 0, codes.Take(4));
        return ScenarioRequests.Spec(
            fitId, last + 3, [new ScenarioSourceRequest("baselines[0]", X, ScenarioDriverSource.Given, "auto", paths)],
            [new ScenarioShockRequest("shocks[0]", X, shock)], [], paths: 0, seed: 5, [0.05, 0.5, 0.95], residualNoise: false);
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
