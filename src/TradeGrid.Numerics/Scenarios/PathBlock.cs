using System.Runtime.Intrinsics;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The paths of one economy four at a time (<see cref="PathSimulator"/>): the buffers of one block, reused block after
/// block, and the per-economy <see cref="PathPlan"/>. Rare cases (a logit response, shocks other than percent changes,
/// bootstrapped innovations) go lane by lane through the scalar code of <see cref="Predictor"/>,
/// <see cref="EconomyScenarioInput.Shocked"/> and <see cref="RandomStream"/>.
/// </summary>
internal sealed class PathBlock
{
    private const int Lanes = LaneStreams.Lanes;

    private readonly ScenarioModel _model;
    private readonly double[] _factor;
    private readonly EconomyScenarioInput _input;
    private readonly SimulationOptions _options;
    private readonly PathPlan _plan;
    private readonly int _horizon;
    private readonly int _drivers;
    private readonly bool _noise;
    private readonly double _sigma;
    private readonly double _pointFactor;
    private readonly ulong _driverKey;
    private readonly ulong _coefficientPrefix;
    private readonly ulong _driverPrefix;
    private readonly ulong _residualPrefix;
    private readonly Vector256<double>[] _z;
    private readonly Vector256<double>[] _beta;
    private readonly Vector256<double>[] _errors;
    private readonly Vector256<double>[] _epsilon;
    private readonly Vector256<double>[] _b;
    private readonly Vector256<double>[] _lb;
    private readonly Vector256<double>[] _s;
    private readonly Vector256<double>[] _ls;

    public PathBlock(ScenarioModel model, double[] factor, EconomyScenarioInput input, SimulationOptions options)
    {
        (_model, _factor, _input, _options) = (model, factor, input, options);
        _plan = PathPlan.Of(model, input);
        _horizon = input.Horizon;
        _drivers = model.Drivers;
        PredictionModel prediction = model.Prediction;
        _sigma = prediction.Sigma;
        _noise = options.ResidualNoise && prediction.Scale != ResponseScale.PoissonMean && _sigma > 0.0;
        _pointFactor = PathPlan.PointFactor(prediction);
        _driverKey = options.CommonShocks ? 0UL : input.Key;
        _coefficientPrefix = RandomStream.Prefix(options.Seed, StreamPurpose.Coefficients, 0);
        _driverPrefix = RandomStream.Prefix(options.Seed, StreamPurpose.Drivers, _driverKey);
        _residualPrefix = RandomStream.Prefix(options.Seed, StreamPurpose.Residuals, input.Key);
        int k = model.Parameters;
        (_z, _beta) = (new Vector256<double>[k], new Vector256<double>[k]);
        (_errors, _epsilon) = (new Vector256<double>[_drivers * _horizon], new Vector256<double>[_horizon]);
        (_b, _lb, _s, _ls) = (new Vector256<double>[_drivers], new Vector256<double>[_drivers], new Vector256<double>[_drivers], new Vector256<double>[_drivers]);
    }

    /// <summary>
    /// Paths firstPath … firstPath + 3; the first <paramref name="lanes"/> are written to the columns from index
    /// <paramref name="at"/>. A year whose scenario column is its baseline's (no shock reaches it) is written once.
    /// </summary>
    public void Run(long firstPath, int lanes, PathColumns into, int at)
    {
        CoefficientSampler.DrawLanes(_model.Prediction.Coefficients, _factor, LaneStreams.For(_coefficientPrefix, firstPath), _z, _beta);
        DriverErrors(firstPath);
        if (_noise)
        {
            LaneStreams r = LaneStreams.For(_residualPrefix, firstPath);
            for (int h = 0; h < _horizon; h++)
            {
                _epsilon[h] = _sigma * r.NextNormal();
            }
        }

        for (int h = 0; h < _horizon; h++)
        {
            Drivers(h);
            Vector256<double> level = Level(Link(_b, _lb), h) * Weight(_b);
            Store(level, into.Baseline[h], at, lanes);
            if (into.Aliased(h))
            {
                continue;
            }

            Vector256<double> shocked = level;
            if (_plan.Shocked[h])
            {
                Scenario(h);
                shocked = Level(Link(_s, _ls), h) * Weight(_s);
            }

            Store(shocked, into.Scenario[h], at, lanes);
        }
    }

    /// <summary>Whether a shock reaches year h (else the scenario's column may be the baseline's).</summary>
    public bool Shocked(int h) => _plan.Shocked[h];

    private static void Store(Vector256<double> values, double[] column, int at, int lanes)
    {
        if (lanes == Lanes)
        {
            values.CopyTo(column, at);
            return;
        }

        for (int l = 0; l < lanes; l++)
        {
            column[at + l] = values[l];
        }
    }

    /// <summary>Every driver's error in every year: J × H draws, always all of them, so the streams line up across economies and options.</summary>
    private void DriverErrors(long firstPath)
    {
        if (_options.Bootstrap)
        {
            BootstrapDraws(firstPath);
        }
        else
        {
            LaneStreams r = LaneStreams.For(_driverPrefix, firstPath);
            int i = 0;
            for (; i + 1 < _errors.Length; i += 2)
            {
                r.NextNormalPair(out _errors[i], out _errors[i + 1]);
            }

            if (i < _errors.Length)
            {
                _errors[i] = r.NextNormal();
            }
        }

        for (int j = 0; j < _drivers; j++)
        {
            Vector256<double> sum = Vector256<double>.Zero;
            for (int h = 0; h < _horizon; h++)
            {
                int at = j * _horizon + h;
                sum += _plan.Increment[at] * _errors[at];
                _errors[at] = _plan.HasErrors[j] ? sum : Vector256<double>.Zero;
            }
        }
    }

    /// <summary>Bootstrapped innovations, lane by lane with the scalar stream (an economy without residuals draws and discards, to keep the streams aligned).</summary>
    private void BootstrapDraws(long firstPath)
    {
        Span<double> u = stackalloc double[Lanes];
        Span<RandomStream> streams = stackalloc RandomStream[Lanes];
        for (int l = 0; l < Lanes; l++)
        {
            streams[l] = RandomStream.For(_options.Seed, StreamPurpose.Drivers, _driverKey, firstPath + l);
        }

        for (int j = 0; j < _drivers; j++)
        {
            double[] residuals = _input.Errors[j]?.Residuals ?? [];
            for (int h = 0; h < _horizon; h++)
            {
                for (int l = 0; l < Lanes; l++)
                {
                    if (residuals.Length > 0)
                    {
                        u[l] = residuals[streams[l].NextInt(residuals.Length)];
                    }
                    else
                    {
                        _ = streams[l].NextInt(2); // keep the stream aligned with economies that bootstrap
                        u[l] = 0.0;
                    }
                }

                _errors[j * _horizon + h] = Vector256.Create<double>(u);
            }
        }
    }

    /// <summary>The simulated baseline level (_b, where needed) and log (_lb, where needed) of every driver in year h.</summary>
    private void Drivers(int h)
    {
        for (int j = 0; j < _drivers; j++)
        {
            int at = j * _horizon + h;
            Vector256<double> e = _errors[at];
            if (_plan.LogNormal[at])
            {
                _lb[j] = Vector256.Create(_plan.LogLevel[at]) + _plan.LogScale[at] * e + Vector256.Create(_plan.LogShift[at]);
                _b[j] = _plan.NeedsLevel[j] ? Vector256.Exp(_lb[j]) : Vector256<double>.Zero;
            }
            else
            {
                _b[j] = Vector256.Create(_plan.Level[at]) + e;
                _lb[j] = _plan.NeedsLog[j] ? Log(_b[j]) : Vector256<double>.Zero;
            }
        }
    }

    /// <summary>The scenario's drivers in year h: the baseline's with the year's shocks applied to the level.</summary>
    private void Scenario(int h)
    {
        Span<double> lane = stackalloc double[Lanes];
        for (int j = 0; j < _drivers; j++)
        {
            int at = j * _horizon + h;
            switch (_plan.Shock[at])
            {
                case PathPlan.ScaleShock:
                    _s[j] = _b[j] * _plan.ShockFactor[at];
                    _ls[j] = _lb[j] + Vector256.Create(_plan.ShockLog[at]);
                    break;
                case PathPlan.GeneralShock:
                    _b[j].CopyTo(lane);
                    for (int l = 0; l < Lanes; l++)
                    {
                        lane[l] = _input.Shocked(j, h, lane[l]);
                    }

                    _s[j] = Vector256.Create<double>(lane);
                    _ls[j] = _plan.NeedsLog[j] ? Log(_s[j]) : Vector256<double>.Zero;
                    break;
                default:
                    (_s[j], _ls[j]) = (_b[j], _lb[j]);
                    break;
            }
        }
    }

    /// <summary>x'b + the economy's effect, lane by lane (each lane its own path's coefficients).</summary>
    private Vector256<double> Link(Vector256<double>[] level, Vector256<double>[] log)
    {
        Vector256<double> eta = Vector256.Create(_input.Effect);
        int[] terms = _model.Terms;
        for (int i = 0; i < terms.Length; i++)
        {
            int d = terms[i];
            if (d < 0)
            {
                eta += _beta[i];
                continue;
            }

            Vector256<double> x = _model.Transforms[i] switch
            {
                DriverTransform.Log => log[d],
                DriverTransform.Log1p => Log(level[d] + Vector256<double>.One),
                _ => level[d],
            };
            eta += _beta[i] * x;
        }

        return eta;
    }

    /// <summary>The response's level for link values eta in year h: the bias-corrected point, or with residual noise the inverse link of eta + ε.</summary>
    private Vector256<double> Level(Vector256<double> eta, int h)
    {
        PredictionModel prediction = _model.Prediction;
        if (_noise)
        {
            eta += _epsilon[h];
        }

        switch (prediction.Scale)
        {
            case ResponseScale.Log:
                return _noise ? Vector256.Exp(eta) : Vector256.Exp(eta) * _pointFactor;
            case ResponseScale.PoissonMean:
                return Vector256.Exp(eta);
            case ResponseScale.Logit:
                Span<double> lane = stackalloc double[Lanes];
                eta.CopyTo(lane);
                for (int l = 0; l < Lanes; l++)
                {
                    lane[l] = _noise ? Predictor.InverseLink(prediction.Scale, lane[l]) : Predictor.Point(prediction, lane[l]);
                }

                return Vector256.Create<double>(lane);
            default:
                return eta;
        }
    }

    private Vector256<double> Weight(Vector256<double>[] level) => _model.WeightDriver < 0 ? Vector256<double>.One : level[_model.WeightDriver];

    /// <summary>ln x where x &gt; 0, NaN elsewhere (as <see cref="ScenarioPropagation.Transform"/>: no log of a level ≤ 0).</summary>
    private static Vector256<double> Log(Vector256<double> x) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), Vector256.Log(x), Vector256.Create(double.NaN));
}
