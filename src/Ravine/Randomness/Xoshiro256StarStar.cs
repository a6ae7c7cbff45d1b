namespace Ravine.Randomness;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna, 2018), seeded through SplitMix64, with standard normal draws by
/// Marsaglia's polar method on <see cref="DeterministicMath.Log"/>. Its stream is defined here, bit for bit, so the same
/// seed gives the same instance on every machine and every .NET version (unlike <see cref="System.Random"/>, whose
/// seeded algorithm is an implementation detail).
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Creates a generator whose state is four SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong z = seed;
        _s0 = SplitMix64(ref z);
        _s1 = SplitMix64(ref z);
        _s2 = SplitMix64(ref z);
        _s3 = SplitMix64(ref z);
    }

    private Xoshiro256StarStar(GeneratorState state)
    {
        (_s0, _s1, _s2, _s3, _spareGaussian, _hasSpare) = (state.S0, state.S1, state.S2, state.S3, state.SpareGaussian, state.HasSpare);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
            throw new ArgumentException("An all-zero xoshiro state is invalid.", nameof(state));
    }

    /// <summary>The full state, for checkpoints; <see cref="FromState"/> continues the stream exactly.</summary>
    internal GeneratorState State => new(_s0, _s1, _s2, _s3, _spareGaussian, _hasSpare);

    /// <summary>Recreates a generator from a saved <see cref="State"/>.</summary>
    internal static Xoshiro256StarStar FromState(GeneratorState state) => new(state);

    /// <summary>The next 64 random bits.</summary>
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

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw N(0, 1).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>Fills <paramref name="destination"/> with standard normal draws.</summary>
    public void FillGaussian(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = NextGaussian();
    }

    /// <summary>A new array of <paramref name="count"/> standard normal draws.</summary>
    public double[] NextGaussians(int count)
    {
        var values = new double[count];
        FillGaussian(values);
        return values;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong z)
    {
        ulong r = z += 0x9E3779B97F4A7C15UL;
        r = (r ^ (r >> 30)) * 0xBF58476D1CE4E5B9UL;
        r = (r ^ (r >> 27)) * 0x94D049BB133111EBUL;
        return r ^ (r >> 31);
    }
}

/// <summary>The complete state of a <see cref="Xoshiro256StarStar"/> generator.</summary>
internal readonly record struct GeneratorState(ulong S0, ulong S1, ulong S2, ulong S3, double SpareGaussian, bool HasSpare);
