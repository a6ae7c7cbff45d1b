using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Optimization;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// <c>ravine run</c> hands back its solution (<c>best_x.npy</c>, <c>x.npy</c>, named in summary.json) and starts where
/// <c>--x0 FILE</c> says.
/// </summary>
public class RunSolutionTests
{
    private static readonly string[] Sensing = ["run", "--problem", "quadratic-sensing", "--size", "d=12,r=2,k=3,m=90", "--seed", "4", "--method", "polyak", "--max-iters", "60"];

    private static void Succeeds((int ExitCode, string Output, string Error) result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}\n{result.Output}");

    private static Trace ReadTrace(string folder, string problem, string method) =>
        TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(folder, problem, method + ".csv"))));

    private static ExperimentSummary Summary(string folder) =>
        ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder, "summary.json")));

    /// <summary>The library's run of the same settings: the instance, start and method the CLI builds, through <see cref="Minimizer"/>.</summary>
    private static MinimizeResult Library(string problem, string? size, ulong seed, string method, IReadOnlyDictionary<string, string> options, long iterations, double[]? start = null)
    {
        var plan = RunPlan.Create(new RunSettings { Problem = problem, Size = size, Seed = seed, Method = method, MethodOptions = options, MaxIterations = iterations });
        return Minimizer.Minimize(plan.Problem, start ?? plan.Start, plan.Method, new MinimizeOptions { MaxIterations = plan.MaxIterations });
    }

    private static readonly Dictionary<string, string> NoOptions = new(StringComparer.Ordinal);

    [Fact]
    public void Run_writes_the_best_and_the_last_point_shaped_as_the_variables_and_names_them_in_the_summary()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run([.. Sensing, "--out", folder.Root]));
        var expected = Library("quadratic-sensing", "d=12,r=2,k=3,m=90", 4, "polyak", NoOptions, 60);
        Assert.NotEqual(expected.BestX, expected.FinalX);
        var best = Npy.Read(Path.Combine(folder.Root, "best_x.npy"));
        var last = Npy.Read(Path.Combine(folder.Root, "x.npy"));
        Assert.Equal([12, 3], best.Shape);
        Assert.Equal([12, 3], last.Shape);
        Assert.Equal(expected.BestX.Select(BitConverter.DoubleToInt64Bits), best.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.FinalX.Select(BitConverter.DoubleToInt64Bits), last.Data.Select(BitConverter.DoubleToInt64Bits));
        var solution = Summary(folder.Root).Solution!;
        Assert.Equal(("x.npy", "best_x.npy"), (solution.X, solution.BestX));
        Assert.Equal([12, 3], solution.Shape);
        string json = File.ReadAllText(Path.Combine(folder.Root, "summary.json"));
        Assert.Contains("\"x\": \"x.npy\"", json);
        Assert.Contains("\"bestX\": \"best_x.npy\"", json);
    }

    [Fact]
    public void A_sharded_run_writes_its_points_in_the_shape_of_the_local_runs()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run([.. Sensing, "--shards", "3", "--out", folder.Root]));
        Assert.Equal([12, 3], Npy.Read(Path.Combine(folder.Root, "x.npy")).Shape);
        Assert.Equal([12, 3], Npy.Read(Path.Combine(folder.Root, "best_x.npy")).Shape);
        Assert.Equal([12, 3], Summary(folder.Root).Solution!.Shape);
    }

    [Fact]
    public void A_problem_without_a_matrix_of_variables_gets_a_vector()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--max-iters", "30", "--out", folder.Root));
        Assert.Equal([2], Npy.Read(Path.Combine(folder.Root, "x.npy")).Shape);
        Assert.Equal([2], Npy.Read(Path.Combine(folder.Root, "best_x.npy")).Shape);
    }

    [Fact]
    public void X0_gives_the_trace_of_the_library_started_at_that_point_in_either_shape()
    {
        using var folder = new ScratchFolder();
        // Another seed's start: a point of the right shape that is not this instance's own start.
        double[] start = RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Size = "d=12,r=2,k=3,m=90", Seed = 99 }).Start;
        string matrix = folder.File("x0.npy"), flat = folder.File("x0-flat.npy");
        Npy.Write(matrix, start, 12, 3);
        Npy.Write(flat, start, 36);
        var expected = Library("quadratic-sensing", "d=12,r=2,k=3,m=90", 4, "polyak", NoOptions, 60, start).Trace;
        Assert.False(expected.NumericallyIdentical(Library("quadratic-sensing", "d=12,r=2,k=3,m=90", 4, "polyak", NoOptions, 60).Trace));
        foreach (string file in new[] { matrix, flat })
        {
            string output = folder.File("out-" + Path.GetFileNameWithoutExtension(file));
            Succeeds(CliRunner.Run([.. Sensing, "--x0", file, "--out", output]));
            Assert.True(expected.NumericallyIdentical(ReadTrace(output, "quadratic-sensing", "polyak")), file);
            Assert.Equal(Path.GetFullPath(file), Summary(output).Settings!.X0);
        }
    }

    [Fact]
    public void X0_in_a_config_file_is_relative_to_its_folder()
    {
        using var folder = new ScratchFolder();
        Npy.Write(folder.File("start.npy"), [0.5, -0.25], 2);
        File.WriteAllText(folder.File("run.json"), """{ "problem": "quartic-rosenbrock", "x0": "start.npy", "max-iters": 20 }""");
        Succeeds(CliRunner.Run("run", "--config", folder.File("run.json"), "--out", folder.File("out")));
        var expected = Library("quartic-rosenbrock", null, 3407, "gdpolyak", NoOptions, 20, [0.5, -0.25]).Trace;
        Assert.True(expected.NumericallyIdentical(ReadTrace(folder.File("out"), "quartic-rosenbrock", "gdpolyak")));
    }

    public static TheoryData<string, double[], int[], string> BadStarts => new()
    {
        { "short.npy", [1, 2, 3], [3], "shape (3,) holds 3 numbers; the start point of this quadratic-sensing instance is shape (12, 3) (36 numbers, any shape that holds them)" },
        { "nan.npy", [.. Enumerable.Repeat(0.0, 17), double.NaN, .. Enumerable.Repeat(0.0, 18)], [36], "entry 17 (in C order) is NaN; a start point must be finite" },
        { "missing.npy", [], [], "no such file; --x0 takes a .npy file of the start point, shape (12, 3) (36 numbers, any shape that holds them)" },
    };

    [Theory]
    [MemberData(nameof(BadStarts))]
    public void A_bad_x0_exits_2_with_one_line_naming_the_file_and_the_expected_shape(string name, double[] data, int[] shape, string message)
    {
        using var folder = new ScratchFolder();
        string file = folder.File(name);
        if (shape.Length > 0) Npy.Write(file, data, shape);
        var (code, output, error) = CliRunner.Run([.. Sensing, "--x0", file, "--out", folder.File("out")]);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {file}: {message}\n", error);
        Assert.DoesNotContain("polyak", output);
    }

    [Fact]
    public void An_x0_that_is_not_npy_exits_2_with_one_line_naming_the_file()
    {
        using var folder = new ScratchFolder();
        string file = folder.File("x0.csv");
        File.WriteAllText(file, "1,2,3\n");
        var (code, _, error) = CliRunner.Run([.. Sensing, "--x0", file, "--out", folder.File("out")]);
        Assert.Equal(2, code);
        Assert.StartsWith($"ravine: {file}: ", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_resumed_run_starts_from_the_same_x0_or_is_refused()
    {
        using var folder = new ScratchFolder();
        string x0 = folder.File("x0.npy"), interrupted = folder.File("interrupted"), reference = folder.File("reference");
        Npy.Write(x0, RunPlan.Create(new RunSettings { Problem = "quadratic-sensing", Size = "d=12,r=2,k=3,m=90", Seed = 99 }).Start, 12, 3);
        Succeeds(CliRunner.Run([.. Sensing, "--x0", x0, "--out", reference]));
        Assert.Equal(130, CliRunner.RunStoppedAt(30, [.. Sensing, "--x0", x0, "--out", interrupted]).ExitCode);

        var (code, _, error) = CliRunner.Run("run", "--resume", interrupted, "--x0", x0);
        Assert.Equal(2, code);
        Assert.Equal("ravine: --resume continues the run exactly as its checkpoint.json stores it; drop --x0.\n", error);

        byte[] bytes = File.ReadAllBytes(x0);
        bytes[^1] ^= 1;
        File.WriteAllBytes(x0, bytes);
        (code, _, error) = CliRunner.Run("run", "--resume", interrupted);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {x0}: changed (its hash differs) since the run began; a resumed run must start from the same --x0, so restore the file or start a new run\n", error);
        bytes[^1] ^= 1;
        File.WriteAllBytes(x0, bytes);
        Succeeds(CliRunner.Run("run", "--resume", interrupted));
        Assert.True(ReadTrace(reference, "quadratic-sensing", "polyak").NumericallyIdentical(ReadTrace(interrupted, "quadratic-sensing", "polyak")));
    }
}
