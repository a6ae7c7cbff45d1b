using CsCheck;
using Ravine.IO;

namespace Ravine.Tests.IO;

public class NpyFuzzTests
{
    private static readonly string[] Seeds =
        ["f8_le_c.npy", "f4_be_f.npy", "i8_be_c.npy", "i4_le_f.npy", "f8_1d.npy", "f8_scalar.npy", "f8_v2.npy", "f4_be_f_v3.npy", "odd_spacing.npy", "python2_longs.npy"];

    /// <summary>Characters that keep a mutated header close to a valid one, so the parser is exercised, not just the magic check.</summary>
    private const string HeaderAlphabet = "0123456789(),:'\" {}[]-+LTrueFalseNone<>=|fi48\n\t\\";

    private const int Iterations = 20_000;

    /// <summary>
    /// The work one read may do, in bytes allocated: a double per stored element (at most 8 bytes of double for a
    /// 4-byte element, twice for a transposed copy), the header's text and a fixed overhead. A bound on work, not on
    /// time, so a loaded machine cannot fail it.
    /// </summary>
    private const long AllocationPerByte = 8, AllocationOverhead = 64 * 1024;

    internal enum Kind { FlipBit, Overwrite, OverwriteWithHeaderChar, OverwriteData, Truncate, Insert, Delete }

    internal readonly record struct Mutation(Kind Kind, int Position, byte Value, int Length);

    private static readonly Gen<Mutation> GenMutation =
        Gen.Select(Gen.Int[0, (int)Kind.Delete].Select(k => (Kind)k), Gen.Int[0, 1 << 20], Gen.Byte, Gen.Int[1, 24], (k, p, v, n) => new Mutation(k, p, v, n));

    private static readonly Gen<(int Seed, Mutation[] Mutations)> GenCase =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], GenMutation.Array[1, 4], (s, m) => (s, m));

    internal static byte[] Apply(byte[] original, Mutation[] mutations)
    {
        var bytes = new List<byte>(original);
        foreach (var m in mutations)
        {
            int at = bytes.Count == 0 ? 0 : m.Position % (bytes.Count + 1);
            int inside = bytes.Count == 0 ? 0 : m.Position % bytes.Count;
            switch (m.Kind)
            {
                case Kind.FlipBit when bytes.Count > 0: bytes[inside] ^= (byte)(1 << (m.Value & 7)); break;
                case Kind.Overwrite when bytes.Count > 0: bytes[inside] = m.Value; break;
                case Kind.OverwriteWithHeaderChar when bytes.Count > 0:
                    // Headers sit in bytes 10..~128, so aim there most of the time.
                    bytes[Math.Min(bytes.Count - 1, 10 + m.Position % 118)] = (byte)HeaderAlphabet[m.Value % HeaderAlphabet.Length];
                    break;
                case Kind.OverwriteData when bytes.Count > 0: bytes[bytes.Count - 1 - m.Position % Math.Min(24, bytes.Count)] = m.Value; break;
                case Kind.Truncate: bytes.RemoveRange(at, bytes.Count - at); break;
                case Kind.Insert: bytes.InsertRange(at, Enumerable.Repeat(m.Value, m.Length)); break;
                case Kind.Delete: bytes.RemoveRange(at, Math.Min(m.Length, bytes.Count - at)); break;
            }
        }
        return [.. bytes];
    }

    [Fact]
    public void Mutated_files_give_a_valid_array_or_an_NpyFormatException_and_nothing_else()
    {
        var originals = Seeds.Select(Fixture.Bytes).ToArray();
        int read = 0, rejected = 0;
        long worstAllocated = 0, worstLength = 0;
        GenCase.Sample(c =>
        {
            var bytes = Apply(originals[c.Seed], c.Mutations);
            using var stream = new MemoryStream(bytes);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var a = NpyReader.Read(stream, "fuzz.npy", requireEnd: true);
                Assert.True(a.Rank <= 2);
                Assert.Equal(a.Shape.Aggregate(1L, (p, d) => p * d), a.Data.Length);
                Assert.Equal((long)a.Rows * a.Columns, a.Data.Length);
                read++;
            }
            catch (NpyFormatException e)
            {
                Assert.StartsWith("fuzz.npy: ", e.Message);
                rejected++;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated - AllocationPerByte * bytes.Length > worstAllocated - AllocationPerByte * worstLength)
                (worstAllocated, worstLength) = (allocated, bytes.Length);
        }, iter: Iterations, threads: 1);
        // A header that claims a huge shape must be refused before anything of that size is allocated or read.
        Assert.True(worstAllocated <= AllocationPerByte * worstLength + AllocationOverhead,
            $"reading a {worstLength}-byte file allocated {worstAllocated} bytes");
        // Both outcomes must occur often, or the mutations are too tame (or too wild) to test anything.
        Assert.Equal(Iterations, read + rejected);
        Assert.True(read > Iterations / 100 && rejected > Iterations / 2, $"{read} read, {rejected} rejected");
    }

    [Fact]
    public void Mutated_files_read_through_a_stream_that_cannot_seek_behave_the_same()
    {
        var originals = Seeds.Select(Fixture.Bytes).ToArray();
        GenCase.Sample(c =>
        {
            var bytes = Apply(originals[c.Seed], c.Mutations);
            Exception? seekable = Record.Exception(() => NpyReader.Read(new MemoryStream(bytes), "fuzz.npy", requireEnd: true));
            Exception? forward = Record.Exception(() => NpyReader.Read(new ForwardOnlyStream(bytes), "fuzz.npy", requireEnd: true));
            if (seekable is not null and not NpyFormatException)
                throw seekable;
            if (forward is not null and not NpyFormatException)
                throw forward;
            Assert.Equal(seekable is null, forward is null);
        }, iter: 5_000, threads: 1);
    }
}
