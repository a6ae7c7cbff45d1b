using Ravine.Instances;
using Ravine.IO;
using Ravine.Problems;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class GenerateCommandTests
{
    [Fact]
    public void Generate_writes_the_seeded_instance_as_npy_files()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("generate", "single-neuron", "--seed", "7", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var expected = (SingleNeuron)ProblemRegistry.Generate("single-neuron", 7);
        Assert.Equal(expected.Teacher, Npy.Read(Path.Combine(folder.Root, "v.npy")).Data);
        Assert.Equal(expected.Start[..100], Npy.Read(Path.Combine(folder.Root, "w1.npy")).Data);
        Assert.Equal(expected.Start[100..], Npy.Read(Path.Combine(folder.Root, "w2.npy")).Data);
        Assert.Contains("w1.npy", output);
        Assert.Contains("(100,)", output);
    }

    [Fact]
    public void Generate_writes_every_file_of_the_problems_format()
    {
        using var folder = new ScratchFolder();
        foreach (var format in InstanceFormats.All)
        {
            var target = Path.Combine(folder.Root, format.Problem);
            Assert.Equal(0, CliRunner.Run("generate", format.Problem, "--out", target).ExitCode);
            // The held-out data and the noise level exist only when asked for (--validation, --noise).
            Assert.Equal(format.Files.Select(f => f.Name).Where(n => !n.Contains("heldout") && n != "noise.npy").Order(),
                Directory.GetFiles(target).Select(Path.GetFileName).Order());
        }
    }

    [Fact]
    public void Generate_with_validation_and_noise_writes_held_out_measurements_that_load_as_validation_data()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("generate", "quadratic-sensing", "--validation", "250", "--noise", "0.01", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var loaded = (QuadraticSensing)InstanceFormats.Load("quadratic-sensing", folder.Root, 3407);
        var expected = QuadraticSensing.Generate(3407, heldOut: 250, noise: 0.01);
        Assert.Equal(expected.HeldOut!.Y, loaded.HeldOut!.Y);
        Assert.Equal(expected.Y, loaded.Y);
        Assert.True(double.IsNaN(loaded.OptimalValue));
    }

    [Fact]
    public void Generate_refuses_held_out_data_for_a_problem_without_measurements()
    {
        using var folder = new ScratchFolder();
        Assert.NotEqual(0, CliRunner.Run("generate", "quartic-rosenbrock", "--validation", "10", "--out", folder.Root).ExitCode);
    }

    [Theory]
    [InlineData("quadratic-sensing")]
    [InlineData("matrix-factorization")]
    public void Generate_writes_the_truth_with_its_real_rank_not_padded_to_the_width(string problem)
    {
        using var folder = new ScratchFolder();
        Assert.Equal(0, CliRunner.Run("generate", problem, "--out", folder.Root).ExitCode);
        var truth = Npy.Read(Path.Combine(folder.Root, "truth.npy"));
        var start = Npy.Read(Path.Combine(folder.Root, "x0.npy"));
        Assert.Equal(start.Shape[0], truth.Shape[0]);
        Assert.True(truth.Shape[1] < start.Shape[1], $"truth {InstanceFolder.Format(truth.Shape)}, start {InstanceFolder.Format(start.Shape)}");
        Assert.Contains(truth.Data.Chunk(truth.Shape[1]), row => row[^1] != 0); // no zero column left of the padding
    }

    [Theory]
    [InlineData("generate", "single-neuron")]
    [InlineData("generate", "no-such-problem", "--out", "x")]
    [InlineData("generate", "single-neuron", "--seed", "-3", "--out", "x")]
    public void Bad_arguments_exit_2_with_one_line_on_stderr(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("ravine: ", error);
    }
}
