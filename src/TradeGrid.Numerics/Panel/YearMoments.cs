namespace TradeGrid.Numerics.Panel;

/// <summary>
/// What a block's entity-demeaned columns tell the year projection (<see cref="EffectAbsorber.Demean(double[][], double[])"/>): per dummy year
/// the sums of each column, the dummies' system D̃'WD̃, and each column's Σw·c̃². Blocks whose entities do not span one
/// another add up to the sample's; the coordinator then solves one projection Γ for every block.
/// </summary>
/// <param name="Years">q, the year dummies.</param>
/// <param name="Columns">m, the columns (slopes, then the response).</param>
/// <param name="Moments">q × m, row-major.</param>
/// <param name="System">q × q, row-major.</param>
/// <param name="SquaredNorms">m.</param>
public sealed record YearMoments(int Years, int Columns, double[] Moments, double[] System, double[] SquaredNorms)
{
    /// <summary>The blocks' moments summed in their order.</summary>
    public static YearMoments Sum(IReadOnlyList<YearMoments> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("No parts to sum.", nameof(parts));
        }

        YearMoments first = parts[0];
        var moments = (double[])first.Moments.Clone();
        var system = (double[])first.System.Clone();
        var squares = (double[])first.SquaredNorms.Clone();
        foreach (YearMoments part in parts.Skip(1))
        {
            if (part.Years != first.Years || part.Columns != first.Columns)
            {
                throw new ArgumentException($"A part has {part.Years} years × {part.Columns} columns for {first.Years} × {first.Columns}.", nameof(parts));
            }

            Add(moments, part.Moments);
            Add(system, part.System);
            Add(squares, part.SquaredNorms);
        }

        return new YearMoments(first.Years, first.Columns, moments, system, squares);
    }

    private static void Add(double[] target, double[] source)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
