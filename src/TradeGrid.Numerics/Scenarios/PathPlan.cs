using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// What <see cref="PathSimulator"/> can work out once per economy rather than per path, by [driver × horizon + year]:
/// the baseline level and each error's cumulative scale; for a positive driver its log-normal error on the log scale,
/// log b = ln x + (s/sd)·e − s²/2 (s² = ln(1 + sd²/x²)), so a logged regressor needs no logarithm and a level no more
/// than one exponential; the shocks of each year as a factor on the level when they are only percent changes (the log
/// scale then adds its logarithm), otherwise applied path by path; which drivers are needed as levels and as logs.
/// </summary>
internal sealed class PathPlan
{
    public const byte NoShock = 0;
    public const byte ScaleShock = 1;
    public const byte GeneralShock = 2;

    private PathPlan(int drivers, int horizon)
    {
        int n = drivers * horizon;
        (Level, LogLevel, LogScale, LogShift, Increment) = (new double[n], new double[n], new double[n], new double[n], new double[n]);
        (LogNormal, Shock, ShockFactor, ShockLog) = (new bool[n], new byte[n], new double[n], new double[n]);
        (NeedsLevel, NeedsLog, HasErrors, Shocked) = (new bool[drivers], new bool[drivers], new bool[drivers], new bool[horizon]);
    }

    public double[] Level { get; }
    public double[] LogLevel { get; }
    public double[] LogScale { get; }
    public double[] LogShift { get; }
    public double[] Increment { get; }
    public bool[] LogNormal { get; }
    public byte[] Shock { get; }
    public double[] ShockFactor { get; }
    public double[] ShockLog { get; }
    public bool[] NeedsLevel { get; }
    public bool[] NeedsLog { get; }
    public bool[] HasErrors { get; }

    /// <summary>Whether any driver is shocked in year h (else the scenario is the baseline).</summary>
    public bool[] Shocked { get; }

    public static PathPlan Of(ScenarioModel model, EconomyScenarioInput input)
    {
        int drivers = model.Drivers;
        int horizon = input.Horizon;
        var plan = new PathPlan(drivers, horizon);
        bool[] multiplicative = new bool[drivers];
        if (model.WeightDriver >= 0)
        {
            multiplicative[model.WeightDriver] = true; // a weight (trade) is a positive level
            plan.NeedsLevel[model.WeightDriver] = true;
        }

        for (int i = 0; i < model.Terms.Length; i++)
        {
            int d = model.Terms[i];
            if (d < 0)
            {
                continue;
            }

            bool log = model.Transforms[i] == DriverTransform.Log;
            multiplicative[d] |= log;
            plan.NeedsLog[d] |= log;
            plan.NeedsLevel[d] |= !log;
        }

        for (int j = 0; j < drivers; j++)
        {
            DriverErrorModel? m = input.Errors[j];
            plan.HasErrors[j] = m is not null;
            double variance = 0.0;
            for (int h = 0; h < horizon; h++)
            {
                int at = j * horizon + h;
                double x = input.Baseline[j][h];
                double c = m?.Increments[h] ?? 0.0;
                variance += c * c;
                double sd = Math.Sqrt(variance);
                plan.Level[at] = x;
                plan.Increment[at] = c;
                plan.LogLevel[at] = ScenarioPropagation.Transform(DriverTransform.Log, x);
                if (multiplicative[j] && x > 0.0 && sd > 0.0)
                {
                    double s2 = Math.Log(1.0 + (sd / x) * (sd / x));
                    plan.LogNormal[at] = true;
                    plan.LogScale[at] = Math.Sqrt(s2) / sd;
                    plan.LogShift[at] = -s2 / 2.0;
                }

                PlanShock(plan, input, j, h);
            }
        }

        return plan;
    }

    private static void PlanShock(PathPlan plan, EconomyScenarioInput input, int j, int h)
    {
        int at = j * input.Horizon + h;
        double factor = 1.0;
        bool general = false;
        foreach (ShockPlan s in input.Shocks)
        {
            if (s.Driver != j || !s.Active[h] || input.Years[h] < s.Shock.StartYear)
            {
                continue;
            }

            if (s.Shock.Kind == ShockKind.Percent)
            {
                factor = s.Shock.Apply(input.Years[h], factor);
            }
            else
            {
                general = true;
            }
        }

        if (general)
        {
            plan.Shock[at] = GeneralShock;
            plan.NeedsLevel[j] = true;
        }
        else if (factor != 1.0)
        {
            plan.Shock[at] = ScaleShock;
            plan.ShockFactor[at] = factor;
            plan.ShockLog[at] = factor > 0.0 ? Math.Log(factor) : double.NaN;
        }

        plan.Shocked[h] |= plan.Shock[at] != NoShock;
    }

    /// <summary>The factor on exp(x'b) of a log-scale point (smearing, exp(σ²/2) or 1); 1 for other scales.</summary>
    public static double PointFactor(PredictionModel model) => model.Scale == ResponseScale.Log ? model.LogFactor : 1.0;
}
