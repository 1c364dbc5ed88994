namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// The normal equations of one IRLS step with the entity effects concentrated out, over θ = (year dummies, slopes):
/// M = X̃'WX̃ and the right-hand side X̃'r, where X̃ is the design demeaned within entities under the weights μ. Chunks of
/// entities fill their own system; <see cref="Add"/> sums them in chunk order, so the result does not depend on the
/// schedule. The year block is D̃'WD̃ = diag(Σμ per year) − Σ_g c_g c_g'/W_g (c_g: the entity's weight per year), the
/// cross block Σ μᵢ(xᵢ − x̄_g) per year, the slope block Σ μᵢ(xᵢ − x̄_g)(xᵢ − x̄_g)' from centred values (no cancellation
/// of uncentred sums).
/// </summary>
internal sealed class NewtonSystem
{
    /// <summary>A pivot below this share of its diagonal (sine of the angle below 1e-4) sends the fit to the QR path.</summary>
    private const double PivotShare = 1e-8;

    public NewtonSystem(int q, int k)
    {
        Q = q;
        K = k;
        Slopes = new double[k * k];
        SlopeRhs = new double[k];
        Cross = new double[q * k];
        YearWeight = new double[q];
        YearCoupling = new double[q * q];
        YearRhs = new double[q];
    }

    public int Q { get; }

    public int K { get; }

    /// <summary>Σ μ ṽ ṽ' over the slopes (k × k; only the upper triangle is filled).</summary>
    public double[] Slopes { get; }

    /// <summary>Σ ṽ rᵢ.</summary>
    public double[] SlopeRhs { get; }

    /// <summary>Σ μᵢ ṽᵢ per dummy year (q × k).</summary>
    public double[] Cross { get; }

    /// <summary>Σ μ per dummy year.</summary>
    public double[] YearWeight { get; }

    /// <summary>Σ_g c_g c_g'/W_g (q × q).</summary>
    public double[] YearCoupling { get; }

    /// <summary>Σ rᵢ per dummy year.</summary>
    public double[] YearRhs { get; }

    public double Deviance { get; set; }

    /// <summary>Adds another chunk's system to this one.</summary>
    public void Add(NewtonSystem other)
    {
        Accumulate(Slopes, other.Slopes);
        Accumulate(SlopeRhs, other.SlopeRhs);
        Accumulate(Cross, other.Cross);
        Accumulate(YearWeight, other.YearWeight);
        Accumulate(YearCoupling, other.YearCoupling);
        Accumulate(YearRhs, other.YearRhs);
        Deviance += other.Deviance;
    }

    /// <summary>The wire form, with the block's Σ y.</summary>
    public NewtonPart ToPart(double sumY) => new(Q, K, Slopes, SlopeRhs, Cross, YearWeight, YearCoupling, YearRhs, Deviance, sumY);

    /// <summary>A system from its wire form (arrays copied: the sum writes into the first one).</summary>
    public static NewtonSystem From(NewtonPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var system = new NewtonSystem(part.Years, part.Slopes) { Deviance = part.Deviance };
        part.SlopeProducts.CopyTo(system.Slopes, 0);
        part.SlopeRhs.CopyTo(system.SlopeRhs, 0);
        part.Cross.CopyTo(system.Cross, 0);
        part.YearWeight.CopyTo(system.YearWeight, 0);
        part.YearCoupling.CopyTo(system.YearCoupling, 0);
        part.YearRhs.CopyTo(system.YearRhs, 0);
        return system;
    }

    /// <summary>The chunks' systems summed in their order (the first one receives the others).</summary>
    public static NewtonSystem Sum(IReadOnlyList<NewtonSystem> systems)
    {
        NewtonSystem total = systems[0];
        for (int c = 1; c < systems.Count; c++)
        {
            total.Add(systems[c]);
        }

        return total;
    }

    /// <summary>
    /// Γ (q × k): the entity-demeaned slopes' regression on the demeaned year dummies, D̃'WD̃·Γ = D̃'WX̃
    /// (<see cref="Panel.DroppingCholesky"/>, the projection <see cref="Panel.EffectAbsorber"/> applies); null when the rank
    /// rule would drop a dummy.
    /// </summary>
    public double[]? YearProjection(double tolerance)
    {
        int q = Q;
        if (q == 0)
        {
            return [];
        }

        (double[] gamma, int retained) = Panel.DroppingCholesky.Solve(YearBlock(), q, Cross, K, tolerance);
        return retained < q ? null : gamma;
    }

    /// <summary>D̃'WD̃ = diag(Σ μ per year) − Σ_g c_g c_g'/W_g (q × q).</summary>
    private double[] YearBlock()
    {
        int q = Q;
        var block = new double[q * q];
        for (int a = 0; a < q; a++)
        {
            for (int b = 0; b < q; b++)
            {
                block[a * q + b] = (a == b ? YearWeight[a] : 0.0) - YearCoupling[a * q + b];
            }
        }

        return block;
    }

    /// <summary>‖√μ·(x − x̄_g)‖ per slope: the norms the rank rule measures a slope against, as if the dummies were QR columns.</summary>
    public double[] SlopeNorms()
    {
        var norms = new double[K];
        for (int j = 0; j < K; j++)
        {
            norms[j] = Math.Sqrt(Slopes[j * K + j]);
        }

        return norms;
    }

    /// <summary>
    /// M⁻¹·rhs by Cholesky over (year dummies, slopes); null when a pivot shows a column within 1e-4 (sine) of the
    /// earlier ones' span or the system is not positive definite: the exact QR path decides such designs.
    /// </summary>
    public double[]? Solve()
    {
        int q = Q;
        int k = K;
        int p = q + k;
        var m = new double[p * p];
        double[] years = YearBlock();
        for (int a = 0; a < q; a++)
        {
            Array.Copy(years, a * q, m, a * p, q);
            for (int j = 0; j < k; j++)
            {
                m[a * p + q + j] = Cross[a * k + j];
                m[(q + j) * p + a] = Cross[a * k + j];
            }
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
            {
                m[(q + i) * p + q + j] = Slopes[i * k + j];
                m[(q + j) * p + q + i] = Slopes[i * k + j];
            }
        }

        var rhs = new double[p];
        Array.Copy(YearRhs, rhs, q);
        Array.Copy(SlopeRhs, 0, rhs, q, k);
        var l = new double[p * p];
        for (int j = 0; j < p; j++)
        {
            double d = m[j * p + j];
            for (int c = 0; c < j; c++)
            {
                d -= l[j * p + c] * l[j * p + c];
            }

            if (!(m[j * p + j] > 0.0) || !(d > PivotShare * m[j * p + j]))
            {
                return null;
            }

            double pivot = Math.Sqrt(d);
            l[j * p + j] = pivot;
            for (int i = j + 1; i < p; i++)
            {
                double v = m[i * p + j];
                for (int c = 0; c < j; c++)
                {
                    v -= l[i * p + c] * l[j * p + c];
                }

                l[i * p + j] = v / pivot;
            }
        }

        for (int i = 0; i < p; i++)
        {
            double v = rhs[i];
            for (int c = 0; c < i; c++)
            {
                v -= l[i * p + c] * rhs[c];
            }

            rhs[i] = v / l[i * p + i];
        }

        for (int i = p - 1; i >= 0; i--)
        {
            double v = rhs[i];
            for (int c = i + 1; c < p; c++)
            {
                v -= l[c * p + i] * rhs[c];
            }

            rhs[i] = v / l[i * p + i];
        }

        return rhs.All(double.IsFinite) ? rhs : null;
    }

    private static void Accumulate(double[] target, double[] source)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
