using Ravine.IO;
using Ravine.Orleans;
using Ravine.Problems;

namespace Ravine.Tests.Orleans;

public class SensingShardDataTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ravine-shards-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    // Five blocks of QuadraticSensing.RowBlock rows, the last one short: shards hold whole blocks.
    private const int Rows = 5 * QuadraticSensing.RowBlock - 100;

    [Fact]
    public void A_folders_shards_read_their_rows_and_nothing_else()
    {
        var whole = QuadraticSensing.Generate(5, dimension: 6, measurements: Rows);
        InstanceFormats.Save(whole, _folder);
        var data = SensingShardData.FromFolder(_folder, 5);
        Assert.Equal((Rows, 6, 4), (data.Measurements, data.Dimension, data.Width));
        var part = data.Split(4)[2];
        var rows = part.Load();
        var expected = new QuadraticSensing(part.Rows, 6, 4, whole.A[(part.RowStart * 6)..(part.RowEnd * 6)], whole.B[(part.RowStart * 6)..(part.RowEnd * 6)],
            whole.Y[part.RowStart..part.RowEnd]);
        double[] x = whole.Start, g1 = new double[24], g2 = new double[24];
        Assert.Equal(expected.Evaluate(x, g1), rows.Evaluate(x, g2));
        Assert.Equal(g1, g2);
    }

    [Fact]
    public void A_folder_describes_the_instance_as_a_local_run_loads_it()
    {
        var whole = QuadraticSensing.Generate(5, dimension: 6, measurements: 50, heldOut: 7, noise: 0.01);
        InstanceFormats.Save(whole, _folder);
        var local = (QuadraticSensing)InstanceFormats.Load("quadratic-sensing", _folder, 9);
        var instance = SensingShardData.FromFolder(_folder, 9).Describe();
        Assert.Equal(local.Start, instance.Start);
        Assert.Equal(local.Truth, instance.Truth);
        Assert.Equal(local.TruthWidth, instance.TruthWidth);
        Assert.Equal(local.Noise, instance.Noise);
        Assert.Equal(local.HeldOut!.MeasurementCount, instance.HeldOut!.MeasurementCount);
        using var sharded = ShardedQuadraticSensing.InProcess(SensingShardData.FromFolder(_folder, 9), 1);
        double[] x = local.Start, g1 = new double[24], g2 = new double[24];
        Assert.Equal(local.Evaluate(x, g1), sharded.Evaluate(x, g2));
        Assert.Equal(g1, g2);
        Assert.Equal(local.DistanceToSolutions(x), sharded.DistanceToSolutions(x));
    }

    [Fact]
    public void A_folder_whose_start_changed_width_since_the_run_began_is_refused()
    {
        InstanceFormats.Save(QuadraticSensing.Generate(5, dimension: 6, measurements: 50), _folder);
        var data = SensingShardData.FromFolder(_folder, 9);
        new Ravine.Instances.InstanceFolder(_folder).Write("x0.npy", new double[6 * 8], 6, 8);
        var error = Assert.Throws<Ravine.Instances.InstanceDataException>(data.Describe);
        Assert.Contains("x0.npy", error.Message);
    }

    [Fact]
    public void Rows_of_a_float32_file_are_cut_from_the_whole()
    {
        var whole = QuadraticSensing.Generate(5, dimension: 6, measurements: Rows);
        InstanceFormats.Save(whole, _folder);
        // y as float32: not the seek path.
        float[] y = whole.Y.Select(v => (float)v).ToArray();
        NpyTestFiles.WriteFloat32(Path.Combine(_folder, "y.npy"), y);
        var part = SensingShardData.FromFolder(_folder).Split(5)[3];
        var rows = part.Load();
        var direct = new QuadraticSensing(part.Rows, 6, 4, whole.A[(part.RowStart * 6)..(part.RowEnd * 6)], whole.B[(part.RowStart * 6)..(part.RowEnd * 6)],
            y[part.RowStart..part.RowEnd].Select(v => (double)v).ToArray());
        double[] x = whole.Start, g1 = new double[24], g2 = new double[24];
        Assert.Equal(direct.Evaluate(x, g1), rows.Evaluate(x, g2));
    }

    [Fact]
    public void Rows_of_a_float32_matrix_are_cut_from_the_whole()
    {
        var whole = QuadraticSensing.Generate(5, dimension: 6, measurements: Rows);
        InstanceFormats.Save(whole, _folder);
        // A as float32: not the layout the block reader takes, so it is converted whole and the rows cut from it.
        float[] a = whole.A.Select(v => (float)v).ToArray();
        NpyTestFiles.WriteFloat32(Path.Combine(_folder, "A.npy"), a, Rows, 6);
        var part = SensingShardData.FromFolder(_folder).Split(5)[2];
        var direct = new QuadraticSensing(part.Rows, 6, 4, a[(part.RowStart * 6)..(part.RowEnd * 6)].Select(v => (double)v).ToArray(),
            whole.B[(part.RowStart * 6)..(part.RowEnd * 6)], whole.Y[part.RowStart..part.RowEnd]);
        double[] x = whole.Start, g1 = new double[24], g2 = new double[24];
        Assert.Equal(direct.Evaluate(x, g1), part.Load().Evaluate(x, g2));
        Assert.Equal(g1, g2);
    }

    [Fact]
    public void A_file_whose_shape_changed_since_the_run_began_is_refused()
    {
        var whole = QuadraticSensing.Generate(5, dimension: 6, measurements: Rows);
        InstanceFormats.Save(whole, _folder);
        var part = SensingShardData.FromFolder(_folder).Split(2)[1];
        Npy.Write(Path.Combine(_folder, "B.npy"), whole.B.AsSpan(0, (Rows - 10) * 6), Rows - 10, 6);
        var e = Assert.Throws<Ravine.Instances.InstanceDataException>(part.Load);
        Assert.Contains("B.npy", e.Message);
        Assert.Contains("the file changed", e.Message);
    }

    [Fact]
    public void A_folder_without_A_is_refused_naming_the_file()
    {
        Directory.CreateDirectory(_folder);
        var e = Assert.Throws<Ravine.Instances.InstanceDataException>(() => SensingShardData.FromFolder(_folder));
        Assert.Contains("A.npy", e.Message);
    }
}

internal static class NpyTestFiles
{
    /// <summary>A little-endian float32 .npy file, version 1.0, 1-D unless <paramref name="shape"/> says otherwise.</summary>
    public static void WriteFloat32(string path, float[] values, params int[] shape)
    {
        string dims = shape.Length == 0 ? $"{values.Length}," : string.Join(", ", shape);
        string header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({dims}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        file.Write(BitConverter.GetBytes((ushort)header.Length));
        file.Write(System.Text.Encoding.Latin1.GetBytes(header));
        foreach (float v in values) file.Write(BitConverter.GetBytes(v));
    }
}
