using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The <see cref="RandomStream"/>s of four consecutive paths, one per lane of a 256-bit vector: lane l holds the stream
/// of (seed, purpose, key, firstPath + l) and steps exactly as that stream would alone (xoshiro256** with the
/// multiplications by 5 and 9 as shifts and adds). Normals come from Marsaglia's polar method lane by lane: a lane
/// whose pair is rejected draws again while the others wait, so each lane's sequence of normals depends on its own
/// stream only, never on the paths beside it (the logarithm is <see cref="Vector256.Log(Vector256{double})"/>).
/// A mutable struct: pass it by <c>ref</c>.
/// </summary>
internal struct LaneStreams
{
    public const int Lanes = 4;

    private Vector256<ulong> _s0;
    private Vector256<ulong> _s1;
    private Vector256<ulong> _s2;
    private Vector256<ulong> _s3;
    private Vector256<double> _spare;
    private bool _hasSpare;

    /// <summary>
    /// The streams of paths firstPath … firstPath + 3 from their family's <see cref="RandomStream.Prefix"/>: the four
    /// states hashed at once, one per lane, by the same SplitMix64 steps as <see cref="RandomStream.StateFrom"/>.
    /// </summary>
    public static LaneStreams For(ulong prefix, long firstPath)
    {
        Vector256<ulong> paths = Vector256.Create((ulong)firstPath) + Vector256.Create(0UL, 1UL, 2UL, 3UL);
        Vector256<ulong> x = SplitMix(Vector256.Create(prefix) ^ paths);
        Vector256<ulong> s0 = SplitMix(x + Vector256.Create(RandomStream.Golden));
        Vector256<ulong> s1 = SplitMix(s0 + x);
        Vector256<ulong> s2 = SplitMix(s1 + x);
        Vector256<ulong> s3 = SplitMix(s2 + x);
        Vector256<ulong> zero = Vector256.Equals(s0 | s1 | s2 | s3, Vector256<ulong>.Zero);
        return new LaneStreams
        {
            _s0 = Vector256.ConditionalSelect(zero, Vector256<ulong>.One, s0), // the one state xoshiro cannot leave
            _s1 = s1,
            _s2 = s2,
            _s3 = s3,
        };
    }

    /// <summary>The next standard normal of every lane (the second of each polar pair is kept for the next call, as <see cref="RandomStream.NextNormal"/>).</summary>
    public Vector256<double> NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        NextNormalPair(out Vector256<double> first, out _spare);
        _hasSpare = true;
        return first;
    }

    /// <summary>
    /// The next two standard normals of every lane, the two of one polar pair: what two calls of
    /// <see cref="NextNormal"/> give when no spare is kept (the caller must not mix the two while a spare is held).
    /// The first attempt moves every lane; a lane whose pair is rejected draws again while the others wait.
    /// </summary>
    public void NextNormalPair(out Vector256<double> first, out Vector256<double> second)
    {
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> u = 2.0 * NextDouble() - one;
        Vector256<double> v = 2.0 * NextDouble() - one;
        Vector256<double> s = u * u + v * v;
        Vector256<double> need = ~(Vector256.LessThan(s, one) & ~Vector256.Equals(s, Vector256<double>.Zero));
        while (need != Vector256<double>.Zero)
        {
            (Vector256<ulong> s0, Vector256<ulong> s1, Vector256<ulong> s2, Vector256<ulong> s3) = (_s0, _s1, _s2, _s3);
            Vector256<double> cu = 2.0 * NextDouble() - one;
            Vector256<double> cv = 2.0 * NextDouble() - one;
            Vector256<ulong> keep = need.AsUInt64();
            // Lanes that already have their pair do not move.
            _s0 = Vector256.ConditionalSelect(keep, _s0, s0);
            _s1 = Vector256.ConditionalSelect(keep, _s1, s1);
            _s2 = Vector256.ConditionalSelect(keep, _s2, s2);
            _s3 = Vector256.ConditionalSelect(keep, _s3, s3);
            Vector256<double> cs = cu * cu + cv * cv;
            Vector256<double> ok = need & Vector256.LessThan(cs, one) & ~Vector256.Equals(cs, Vector256<double>.Zero);
            u = Vector256.ConditionalSelect(ok, cu, u);
            v = Vector256.ConditionalSelect(ok, cv, v);
            s = Vector256.ConditionalSelect(ok, cs, s);
            need = Vector256.AndNot(need, ok);
        }

        Vector256<double> f = Vector256.Sqrt(-2.0 * Vector256.Log(s) / s);
        first = u * f;
        second = v * f;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> NextDouble() =>
        Vector256.ConvertToDouble(Vector256.ShiftRightLogical(NextUInt64(), 11)) * (1.0 / 9007199254740992.0);

    /// <summary>xoshiro256** in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> NextUInt64()
    {
        Vector256<ulong> x5 = Vector256.ShiftLeft(_s1, 2) + _s1;
        Vector256<ulong> r = RotateLeft(x5, 7);
        Vector256<ulong> result = Vector256.ShiftLeft(r, 3) + r;
        Vector256<ulong> t = Vector256.ShiftLeft(_s1, 17);
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> SplitMix(Vector256<ulong> z)
    {
        z += Vector256.Create(RandomStream.Golden);
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(RandomStream.SplitMixFirst);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(RandomStream.SplitMixSecond);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateLeft(Vector256<ulong> x, int k) =>
        Vector256.ShiftLeft(x, k) | Vector256.ShiftRightLogical(x, 64 - k);
}
