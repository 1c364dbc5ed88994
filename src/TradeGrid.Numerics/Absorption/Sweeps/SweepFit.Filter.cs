namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>Singletons and all-zero groups dropped in rounds of group counts summed over the blocks.</summary>
public static partial class SweepFit
{
    /// <summary>
    /// Compacts the blocks, then, while some group of some set (over every block) is a singleton or all zero, sends
    /// each block its groups' totals to drop those rows; the blocks are compacted again after the last drop. The rows
    /// left are those <see cref="SampleFilter"/> leaves (the largest subset with no such group).
    /// </summary>
    private static async Task<Filtered> FilterAsync(ISweepBlocks blocks, SweepModel model, bool singletons, bool allZero, CancellationToken cancellationToken)
    {
        SweepReply?[] compact = await blocks.SendAsync(_ => new SweepCommand(SweepOp.Compact), cancellationToken);
        int sets = model.EffectNames.Length;
        if ((!singletons && !allZero) || sets == 0)
        {
            return new Filtered(compact, null, 0, string.Empty, 0, string.Empty);
        }

        var layout = new SweepLayout(compact, sets);
        SweepReply?[] tallies = compact;
        int dropped = 0, zeros = 0;
        string example = string.Empty, exampleZero = string.Empty;
        while (true)
        {
            double[][] counts = Enumerable.Range(0, sets).Select(q => layout.Sum(tallies, q, r => r.Counts![q])).ToArray();
            double[][] positives = Enumerable.Range(0, sets).Select(q => layout.Sum(tallies, q, r => r.Positives![q])).ToArray();
            bool any = false;
            for (int q = 0; q < sets && !any; q++)
            {
                for (int g = 0; g < counts[q].Length && !any; g++)
                {
                    any = (singletons && counts[q][g] == 1.0) || (allZero && counts[q][g] > 0.0 && positives[q][g] == 0.0);
                }
            }

            if (!any)
            {
                break;
            }

            tallies = await blocks.SendAsync(
                b => compact[b] is null ? null : new SweepCommand(SweepOp.Filter)
                {
                    Counts = Enumerable.Range(0, sets).Select(q => layout.Slice(b, q, counts[q])).ToArray(),
                    Positives = Enumerable.Range(0, sets).Select(q => layout.Slice(b, q, positives[q])).ToArray(),
                    Singletons = singletons,
                    AllZero = allZero,
                },
                cancellationToken);
            foreach (SweepReply? t in tallies)
            {
                example = example.Length == 0 && t is { Dropped: > 0 } ? t.Example : example;
                exampleZero = exampleZero.Length == 0 && t is { DroppedZero: > 0 } ? t.ExampleZero : exampleZero;
                dropped += t?.Dropped ?? 0;
                zeros += t?.DroppedZero ?? 0;
            }
        }

        if (dropped + zeros == 0)
        {
            return new Filtered(compact, layout, 0, string.Empty, 0, string.Empty);
        }

        compact = await blocks.SendAsync(b => compact[b] is null ? null : new SweepCommand(SweepOp.Compact), cancellationToken);
        return new Filtered(compact, null, dropped, example, zeros, exampleZero);
    }

    /// <summary>
    /// The blocks' Compact answers after filtering, their layout when the filter already built it (nothing dropped),
    /// and the rows dropped by cause with an example of each.
    /// </summary>
    private sealed record Filtered(SweepReply?[] Compacted, SweepLayout? Layout, int Singletons, string SingletonExample, int AllZero, string AllZeroExample);
}
