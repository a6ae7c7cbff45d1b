using Ravine.Instances;
using Ravine.IO;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Problems;

/// <summary>Streamed sensing files with more entries than a .NET array holds (sparse files: no disk is used).</summary>
public class HugeSensingFileTests
{
    private const int Rows = 2_200_000, D = 1_000; // 2.2·10⁹ entries each in A and B: 17.6 GB files

    private static void WriteSparse(string path)
    {
        using var file = File.Create(path);
        file.Write(NpyHeader.FormatFloat64Version1([Rows, D]));
        file.SetLength(file.Position + (long)Rows * D * sizeof(double));
    }

    [Fact]
    public void A_and_B_beyond_an_arrays_length_are_streamed_block_by_block()
    {
        using var folder = new ScratchFolder();
        WriteSparse(folder.File("A.npy"));
        WriteSparse(folder.File("B.npy"));
        var instance = new InstanceFolder(folder.Root);
        instance.Write("y.npy", new double[Rows], Rows);
        var problem = QuadraticSensingInstance.Load(instance, 3407, QuadraticSensingInstance.StreamingBytes);
        Assert.Equal(Rows, problem.MeasurementCount);
        Assert.Equal(D * 4, problem.Dimension);
        // The last rows, past entry 2³¹ of each file, read as the zeros a sparse file holds.
        var a = new double[5 * D];
        var b = new double[5 * D];
        var y = new double[5];
        a[0] = b[0] = y[0] = double.NaN;
        problem.Rows.Read(Rows - 5, 5, a, b, y);
        Assert.All(a, v => Assert.Equal(0, v));
        Assert.All(b, v => Assert.Equal(0, v));
        Assert.All(y, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Such_a_file_read_whole_is_refused_saying_why()
    {
        using var folder = new ScratchFolder();
        WriteSparse(folder.File("A.npy"));
        var e = Assert.Throws<NpyFormatException>(() => Npy.Read(folder.File("A.npy")));
        Assert.Contains("has more than 2147483591 elements, too many to read whole", e.Message);
    }
}
