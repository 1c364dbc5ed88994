namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// Where each block's groups sit in the coordinator's vectors: a set spanning economies numbers its groups by their
/// global ids across the blocks (the same partner×year in two economies is one group); a local set's groups are the
/// blocks' own, one after another. Sums over blocks run in block order, so they do not depend on which silo answered.
/// </summary>
public sealed class SweepLayout
{
    private readonly int[][][] _slots;

    /// <summary>From the Compact answers (null: a block without rows).</summary>
    public SweepLayout(SweepReply?[] compacted, int sets)
    {
        ArgumentNullException.ThrowIfNull(compacted);
        _slots = new int[compacted.Length][][];
        Groups = new int[sets];
        var numbers = Enumerable.Range(0, sets).Select(_ => new Dictionary<long, int>()).ToArray();
        for (int b = 0; b < compacted.Length; b++)
        {
            long[][]? raw = compacted[b]?.Groups;
            _slots[b] = new int[sets][];
            for (int q = 0; q < sets; q++)
            {
                long[] ids = raw?[q] ?? [];
                var slot = new int[ids.Length];
                for (int m = 0; m < ids.Length; m++)
                {
                    if (!numbers[q].TryGetValue(ids[m], out int g))
                    {
                        g = numbers[q].Count;
                        numbers[q][ids[m]] = g;
                    }

                    slot[m] = g;
                }

                _slots[b][q] = slot;
                Groups[q] = numbers[q].Count;
            }
        }
    }

    /// <summary>Groups per set over every block.</summary>
    public int[] Groups { get; }

    /// <summary>Adds block b's per-group values of set q into <paramref name="total"/>.</summary>
    public void Add(int b, int q, double[] values, double[] total)
    {
        int[] slot = _slots[b][q];
        for (int m = 0; m < slot.Length; m++)
        {
            total[slot[m]] += values[m];
        }
    }

    /// <summary>Block b's groups' entries of set q's vector.</summary>
    public double[] Slice(int b, int q, double[] vector)
    {
        int[] slot = _slots[b][q];
        var values = new double[slot.Length];
        for (int m = 0; m < slot.Length; m++)
        {
            values[m] = vector[slot[m]];
        }

        return values;
    }

    /// <summary>Set q's sums over the blocks (block order) of a per-group answer.</summary>
    public double[] Sum(SweepReply?[] replies, int q, Func<SweepReply, double[]> values)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var total = new double[Groups[q]];
        for (int b = 0; b < replies.Length; b++)
        {
            if (replies[b] is { } reply)
            {
                Add(b, q, values(reply), total);
            }
        }

        return total;
    }

    /// <summary>Block b's groups' indices in the coordinator's vectors, per set (the Layout command).</summary>
    public int[][] Slots(int b) => _slots[b];

    /// <summary>Block b's group m of set q in the coordinator's numbering.</summary>
    public int Slot(int b, int q, int m) => _slots[b][q][m];
}
