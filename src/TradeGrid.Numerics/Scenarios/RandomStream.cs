using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018), seeded by SplitMix64 from a counter: the stream of one
/// (seed, purpose, economy, path) is a pure function of those four numbers, so a run's numbers do not depend on which
/// silo, thread or chunk computed a path. A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct RandomStream
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spare;
    private bool _hasSpare;

    /// <summary>The stream of (seed, purpose, key, path): the four are hashed by SplitMix64 steps into the 256-bit state.</summary>
    public static RandomStream For(ulong seed, StreamPurpose purpose, ulong key, long path)
    {
        var r = new RandomStream();
        (r._s0, r._s1, r._s2, r._s3) = State(seed, purpose, key, path);
        return r;
    }

    /// <summary>The 256-bit state of <see cref="For"/>: what <see cref="LaneStreams"/> loads into each lane.</summary>
    internal static (ulong S0, ulong S1, ulong S2, ulong S3) State(ulong seed, StreamPurpose purpose, ulong key, long path) =>
        StateFrom(Prefix(seed, purpose, key), path);

    /// <summary>The part of the state's hashing that does not depend on the path (the same for every path of a stream family).</summary>
    internal static ulong Prefix(ulong seed, StreamPurpose purpose, ulong key)
    {
        ulong x = SplitMix(seed ^ 0x5851F42D4C957F2DUL);
        x = SplitMix(x ^ ((ulong)purpose * 0x9E3779B97F4A7C15UL));
        return SplitMix(x ^ key);
    }

    /// <summary>The state of one path from its family's <see cref="Prefix"/>.</summary>
    internal static (ulong S0, ulong S1, ulong S2, ulong S3) StateFrom(ulong prefix, long path)
    {
        ulong x = SplitMix(prefix ^ (ulong)path);
        ulong s0 = SplitMix(x + Golden);
        ulong s1 = SplitMix(s0 + x);
        ulong s2 = SplitMix(s1 + x);
        ulong s3 = SplitMix(s2 + x);
        if ((s0 | s1 | s2 | s3) == 0)
        {
            s0 = 1; // the one state xoshiro cannot leave
        }

        return (s0, s1, s2, s3);
    }

    internal const ulong Golden = 0x9E3779B97F4A7C15UL;

    internal const ulong SplitMixFirst = 0xBF58476D1CE4E5B9UL;

    internal const ulong SplitMixSecond = 0x94D049BB133111EBUL;

    /// <summary>A stable 64-bit key of a code (FNV-1a over its characters): never string.GetHashCode, which is randomised per process.</summary>
    public static ulong KeyOf(string code)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in code)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }

    /// <summary>
    /// The key of a (reporter, partner) pair's streams: FNV-1a of "reporter>partner". A pair's partner-side driver
    /// errors are drawn from it, so two reporters' pairs to one partner draw that partner's errors independently.
    /// </summary>
    public static ulong PairKeyOf(string reporter, string partner) => KeyOf(reporter + ">" + partner);

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, n) (Lemire's multiply-shift; the bias is below 2^-32 for n below 2^32).</summary>
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Standard normal by Marsaglia's polar method; the second variate of each pair is kept for the next call.</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);

        double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spare = v * f;
        _hasSpare = true;
        return u * f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SplitMix(ulong z)
    {
        z += Golden;
        z = (z ^ (z >> 30)) * SplitMixFirst;
        z = (z ^ (z >> 27)) * SplitMixSecond;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
