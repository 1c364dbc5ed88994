namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// A block's <see cref="SeparationPart"/> in O(N·K) without per-column lookups: each row is compared with its entity's
/// first y &gt; 0 row (the same reference as <see cref="PoissonSeparation.Rows"/>). A year dummy's deviation is −1, 0 or
/// +1, so the dummies are counted (O(N) for all of them) rather than compared column by column.
/// </summary>
internal static class SeparationEvidence
{
    public static SeparationPart Of(PoissonBlock block)
    {
        int n = block.Y.Length;
        int dummies = block.Dummies;
        int k = block.Width;
        int[] slot = block.Slot;
        int[] dummy = block.DummyIndex;
        bool entity = block.Spec.EntityEffects;
        var reference = new int[Math.Max(block.Groups, 1)];
        Array.Fill(reference, -1);
        for (int i = 0; i < n; i++)
        {
            if (entity && block.Y[i] > 0.0 && reference[slot[i]] < 0)
            {
                reference[slot[i]] = i;
            }
        }

        var part = new SeparationPart(Fill(k, double.PositiveInfinity), Fill(k, double.NegativeInfinity),
            Fill(k, double.PositiveInfinity), Fill(k, double.NegativeInfinity));
        // Per class (0: y > 0, 1: y = 0): rows, and per dummy the rows at +1 (own year, not the reference's) and −1.
        var rows = new int[2];
        var plus = new int[2 * dummies];
        var minus = new int[2 * dummies];
        for (int i = 0; i < n; i++)
        {
            int c = block.Y[i] > 0.0 ? 0 : 1;
            rows[c]++;
            int r = entity ? reference[slot[i]] : -1;
            int own = dummy[i];
            int centre = r >= 0 ? dummy[r] : -1;
            if (own != centre)
            {
                if (own >= 0)
                {
                    plus[c * dummies + own]++;
                }

                if (centre >= 0)
                {
                    minus[c * dummies + centre]++;
                }
            }

            for (int j = dummies; j < k; j++)
            {
                double v = block.Slope(i, j - dummies) - (r >= 0 ? block.Slope(r, j - dummies) : 0.0);
                Update(part, c, j, v);
            }
        }

        for (int c = 0; c < 2; c++)
        {
            for (int j = 0; j < dummies; j++)
            {
                int p = plus[c * dummies + j];
                int m = minus[c * dummies + j];
                if (m > 0)
                {
                    Update(part, c, j, -1.0);
                }

                if (rows[c] - p - m > 0)
                {
                    Update(part, c, j, 0.0);
                }

                if (p > 0)
                {
                    Update(part, c, j, 1.0);
                }
            }
        }

        return part;
    }

    private static void Update(SeparationPart part, int c, int j, double v)
    {
        if (c == 0)
        {
            part.PositiveMin[j] = Math.Min(part.PositiveMin[j], v);
            part.PositiveMax[j] = Math.Max(part.PositiveMax[j], v);
        }
        else
        {
            part.ZeroMin[j] = Math.Min(part.ZeroMin[j], v);
            part.ZeroMax[j] = Math.Max(part.ZeroMax[j], v);
        }
    }

    private static double[] Fill(int k, double value) => Enumerable.Repeat(value, k).ToArray();
}
