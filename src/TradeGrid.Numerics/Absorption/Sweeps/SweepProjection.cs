using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// The coordinator's conjugate gradient of a projection whose rows stay in the blocks: <see cref="EffectProjector"/>'s
/// algorithm (CG on the coefficients of the sets not eliminated in the blocks, D'WMD α = D'WMv, preconditioned by its exact
/// diagonal; the same convergence rule and rounding floor), run for every column in lockstep so that one
/// gather serves all of them: each iteration sends every block the same command with every unfinished column's
/// direction (each block reads its groups' entries) and adds up the blocks' D'WMD p. Everything else works on coefficient vectors here.
/// </summary>
internal sealed class SweepProjection
{
    private readonly ISweepBlocks _blocks;
    private readonly SweepLayout _layout;
    private readonly int[] _solved;
    private readonly double _tolerance;
    private readonly int _maxIterations;

    public SweepProjection(ISweepBlocks blocks, SweepLayout layout, int[] solved, double tolerance, int maxIterations)
    {
        _blocks = blocks;
        _layout = layout;
        _solved = solved;
        _tolerance = tolerance;
        _maxIterations = maxIterations;
    }

    /// <summary>
    /// Projects the columns the Start command names (every block's answer to it given) and sends Finish with each
    /// column's solution; returns the Finish answers, the solution added to the start (<paramref name="start"/>, the next
    /// warm start) and the most CG iterations.
    /// </summary>
    public async Task<(SweepReply?[] Finished, double[][][] Total, int Iterations)> RunAsync(
        SweepReply?[] started, double[][][]? start, string[] names, CancellationToken cancellationToken)
    {
        int columns = names.Length;
        int sets = _solved.Length;
        var inverse = new double[sets][];
        for (int s = 0; s < sets; s++)
        {
            // The exact diagonal of D'WMD (ContiguousSet's rule): a group never sharing an eliminated group with another is absorbed by it.
            double[] diagonal = _layout.Sum(started, _solved[s], r => r.Counts![s]);
            double[] weight = _layout.Sum(started, _solved[s], r => r.Positives![s]);
            double[] shared = _layout.Sum(started, _solved[s], r => r.Shared![s]);
            inverse[s] = new double[diagonal.Length];
            for (int g = 0; g < diagonal.Length; g++)
            {
                inverse[s][g] = shared[g] == 0.0 ? 0.0 : diagonal[g] > 0.0 ? 1.0 / diagonal[g] : weight[g] > 0.0 ? 1.0 / weight[g] : 0.0;
            }
        }

        var cg = new Column[columns];
        for (int j = 0; j < columns; j++)
        {
            int column = j;
            double[][] r = Enumerable.Range(0, sets).Select(s => _layout.Sum(started, _solved[s], a => a.Vectors![column][s])).ToArray();
            double potential = started.Sum(a => a?.Scalars![column] ?? 0.0);
            cg[j] = new Column(r, inverse, potential);
        }

        int iteration = 1;
        for (; cg.Any(c => !c.Done); iteration++)
        {
            if (iteration > _maxIterations)
            {
                string name = names[Array.FindIndex(cg, c => !c.Done)];
                throw new NoConvergenceException(
                    $"Projecting {sets} sets of fixed effects out of {name} did not converge in {_maxIterations} iterations "
                    + $"(tolerance {_tolerance:G2}); the effects' groups are poorly connected: drop a set or use coarser effects.");
            }

            int[] active = Enumerable.Range(0, columns).Where(j => !cg[j].Done).ToArray();
            // One command, its vectors whole, for every block: each reads its groups' entries.
            var product = new SweepCommand(SweepOp.Product) { Vectors = active.Select(j => cg[j].P).ToArray() };
            SweepReply?[] products = await _blocks.SendAsync(b => started[b] is null ? null : product, cancellationToken);
            for (int a = 0; a < active.Length; a++)
            {
                int at = a;
                double[][] ap = Enumerable.Range(0, sets).Select(s => _layout.Sum(products, _solved[s], p => p.Vectors![at][s])).ToArray();
                cg[active[a]].Step(ap, inverse, _tolerance);
            }
        }

        var finish = new SweepCommand(SweepOp.Finish) { Vectors = cg.Select(c => c.Alpha).ToArray() };
        SweepReply?[] finished = await _blocks.SendAsync(b => started[b] is null ? null : finish, cancellationToken);
        double[][][] total = cg.Select((c, j) => c.Alpha.Select((a, s) => a.Select((v, g) => v + (start?[j][s][g] ?? 0.0)).ToArray()).ToArray()).ToArray();
        return (finished, total, iteration - 1);
    }

    /// <summary>One column's CG state.</summary>
    private sealed class Column
    {
        private readonly double[][] _r;
        private readonly double[][] _z;
        private readonly double _floor;
        private readonly double[] _recent = new double[3];
        private double _rz;
        private double _potential;
        private int _iteration;

        public Column(double[][] r, double[][] inverse, double potential)
        {
            _r = r;
            _potential = potential;
            _floor = EffectProjector.RoundingFloor * EffectProjector.RoundingFloor * potential;
            Alpha = r.Select(v => new double[v.Length]).ToArray();
            _z = new double[r.Length][];
            P = new double[r.Length][];
            for (int s = 0; s < r.Length; s++)
            {
                _z[s] = new double[r[s].Length];
                for (int g = 0; g < r[s].Length; g++)
                {
                    _z[s][g] = r[s][g] * inverse[s][g];
                    _rz += r[s][g] * _z[s][g];
                }

                P[s] = (double[])_z[s].Clone();
            }

            Done = !(_rz > _floor) || !(potential > 0.0);
        }

        public double[][] Alpha { get; }

        public double[][] P { get; }

        public bool Done { get; private set; }

        public void Step(double[][] ap, double[][] inverse, double tolerance)
        {
            _iteration++;
            double pap = 0.0;
            for (int s = 0; s < P.Length; s++)
            {
                for (int g = 0; g < P[s].Length; g++)
                {
                    pap += P[s][g] * ap[s][g];
                }
            }

            if (!(pap > 0.0))
            {
                Done = true;
                return;
            }

            double step = _rz / pap;
            _recent[_iteration % 3] = step * _rz;
            _potential -= step * _rz;
            double rzNext = 0.0;
            for (int s = 0; s < P.Length; s++)
            {
                double[] a = Alpha[s], r = _r[s], z = _z[s], p = P[s], aps = ap[s], inv = inverse[s];
                for (int g = 0; g < a.Length; g++)
                {
                    a[g] += step * p[g];
                    r[g] -= step * aps[g];
                    z[g] = r[g] * inv[g];
                    rzNext += r[g] * z[g];
                }
            }

            double change = _recent[0] + _recent[1] + _recent[2];
            if (rzNext <= _floor || change <= tolerance * tolerance * Math.Max(_potential, 0.0))
            {
                Done = true;
                return;
            }

            double beta = rzNext / _rz;
            _rz = rzNext;
            for (int s = 0; s < P.Length; s++)
            {
                double[] p = P[s], z = _z[s];
                for (int g = 0; g < p.Length; g++)
                {
                    p[g] = z[g] + beta * p[g];
                }
            }
        }
    }
}
