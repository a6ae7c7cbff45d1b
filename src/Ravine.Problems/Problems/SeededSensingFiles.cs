using System.Runtime.InteropServices;
using Ravine.Instances;
using Ravine.IO;

namespace Ravine.Problems;

/// <summary>
/// Writes a <see cref="BlockSeededSensing"/> instance as a quadratic-sensing folder (<see cref="QuadraticSensingInstance"/>'s
/// files) block by block: a few blocks are generated at a time (in parallel), then appended to A.npy and B.npy in
/// row order, so memory stays at a few blocks however large m·d is (m = 10⁶, d = 1,000: 8 GB per file). Each file
/// is written all or nothing (<see cref="AtomicFile"/>).
/// </summary>
public static class SeededSensingFiles
{
    /// <summary>
    /// Writes rows [0, m) as A.npy, B.npy, y.npy, and rows [m, m + M) as the held-out files when M &gt; 0, plus
    /// x0.npy, truth.npy (d, r) and, with noise, noise.npy; stale optional files of another instance are deleted.
    /// </summary>
    /// <param name="family">The instance family.</param>
    /// <param name="folder">The folder (created if missing).</param>
    /// <param name="measurements">m ≥ 1.</param>
    /// <param name="heldOut">M ≥ 0.</param>
    /// <param name="threads">Threads that generate rows (≥ 1); the files do not depend on it.</param>
    /// <param name="progress">Told the rows written so far, or null.</param>
    public static void Write(BlockSeededSensing family, string folder, int measurements, int heldOut = 0, int threads = 1, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentOutOfRangeException.ThrowIfLessThan(measurements, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(heldOut);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var instance = new InstanceFolder(folder);
        Directory.CreateDirectory(folder);
        int d = family.Dimension;
        WriteRows(family, instance, 0, measurements, "A.npy", "B.npy", "y.npy", threads, progress);
        if (heldOut > 0)
            WriteRows(family, instance, measurements, heldOut, "A_heldout.npy", "B_heldout.npy", "y_heldout.npy", threads, progress);
        else
            foreach (string name in new[] { "A_heldout.npy", "B_heldout.npy", "y_heldout.npy" }) File.Delete(instance.FilePath(name));
        instance.Write("x0.npy", family.Start, d, family.Width);
        instance.Write("truth.npy", family.TruthFactor, d, family.Rank);
        if (family.Noise > 0) instance.Write("noise.npy", [family.Noise], 1);
        else File.Delete(instance.FilePath("noise.npy"));
    }

    private static void WriteRows(BlockSeededSensing family, InstanceFolder folder, long first, int count, string aFile, string bFile, string yFile,
        int threads, IProgress<long>? progress)
    {
        int d = family.Dimension, block = QuadraticSensing.RowBlock;
        int wave = 2 * threads;
        var buffers = Enumerable.Range(0, wave).Select(_ => new SensingRowBuffer(Math.Min(count, block), d)).ToArray();
        var y = new double[count];
        using var a = AtomicFile.Create(folder.FilePath(aFile));
        using var b = AtomicFile.Create(folder.FilePath(bFile));
        a.Stream.Write(NpyHeader.FormatFloat64Version1([count, d]));
        b.Stream.Write(NpyHeader.FormatFloat64Version1([count, d]));
        int blocks = (count + block - 1) / block;
        for (int firstBlock = 0; firstBlock < blocks; firstBlock += wave)
        {
            int inWave = Math.Min(wave, blocks - firstBlock);
            Parallel.For(0, inWave, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                int start = (firstBlock + i) * block, n = Math.Min(block, count - start);
                family.Generate(first + start, n, buffers[i].A, buffers[i].B, y.AsSpan(start, n));
            });
            for (int i = 0; i < inWave; i++)
            {
                int start = (firstBlock + i) * block, n = Math.Min(block, count - start);
                a.Stream.Write(AsLittleEndianBytes(buffers[i].A.AsSpan(0, n * d)));
                b.Stream.Write(AsLittleEndianBytes(buffers[i].B.AsSpan(0, n * d)));
                progress?.Report(first + start + n);
            }
        }
        a.Commit();
        b.Commit();
        folder.Write(yFile, y, count);
    }

    private static ReadOnlySpan<byte> AsLittleEndianBytes(Span<double> values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<double, long>(values);
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(bits, bits);
        }
        return MemoryMarshal.AsBytes(values);
    }
}
