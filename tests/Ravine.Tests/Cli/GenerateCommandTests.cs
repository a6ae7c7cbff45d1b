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
            Assert.Equal(format.Files.Select(f => f.Name).Order(), Directory.GetFiles(target).Select(Path.GetFileName).Order());
        }
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
