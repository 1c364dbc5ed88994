using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// An unevaluated sum Hi + Lo of two doubles (|Lo| ≤ ulp(Hi)/2): about 32 significant digits. Dekker's and Knuth's
/// error-free transformations (TwoSum, and TwoProd by fused multiply-add), as in Hida, Li and Bailey's QD library
/// ("sloppy" addition is not used: both parts of each operand are summed with their errors).
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble Zero = new(0.0, 0.0);

    public static implicit operator DoubleDouble(double value) => new(value, 0.0);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        (double s, double e) = TwoSum(a.Hi, b.Hi);
        (double t, double f) = TwoSum(a.Lo, b.Lo);
        e += t;
        (s, e) = FastTwoSum(s, e);
        e += f;
        (s, e) = FastTwoSum(s, e);
        return new DoubleDouble(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        (p, e) = FastTwoSum(p, e);
        return new DoubleDouble(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        // Three quotient digits, each from the remainder of the last (QD's accurate division).
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        (double s, double e) = FastTwoSum(q1, q2);
        return new DoubleDouble(s, e) + q3;
    }

    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (a.Hi <= 0.0)
        {
            return Zero;
        }

        // One Newton step from the double root doubles its digits: x + (a − x²) / (2x).
        double x = Math.Sqrt(a.Hi);
        DoubleDouble x2 = new DoubleDouble(x, 0.0) * x;
        return new DoubleDouble(x, 0.0) + (a - x2).Hi / (2.0 * x);
    }

    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0.0 ? -a : a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Sum, double Error) FastTwoSum(double a, double b)
    {
        double s = a + b;
        return (s, b - (s - a));
    }
}
