using Ravine.Problems;
using System.Text.Json;
using Ravine.Cli.Experiments;
using Ravine.Instances;
using Ravine.IO;
using Ravine.Optimization;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

public class RunCommandTests
{
    private static Trace ReadTrace(string folder, string problem, string method) =>
        TraceCsv.Read(new StringReader(File.ReadAllText(Path.Combine(folder, problem, method + ".csv"))));

    private static void Succeeds((int ExitCode, string Output, string Error) result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}\n{result.Output}");

    [Theory]
    [InlineData("single-neuron", "gdpolyak")]
    [InlineData("quartic-rosenbrock", "polyak")]
    [InlineData("quadratic-sensing", "gdpolyak")]
    [InlineData("matrix-factorization", "gd")]
    public void A_generated_instance_run_from_its_folder_gives_a_bit_identical_trace(string problem, string method)
    {
        using var folder = new ScratchFolder();
        string data = Path.Combine(folder.Root, "data"), fromData = Path.Combine(folder.Root, "a"), generated = Path.Combine(folder.Root, "b");
        Succeeds(CliRunner.Run("generate", problem, "--seed", "7", "--out", data));
        Succeeds(CliRunner.Run("run", "--problem", problem, "--data", data, "--method", method, "--max-iters", "404", "--out", fromData));
        Succeeds(CliRunner.Run("run", "--problem", problem, "--seed", "7", "--method", method, "--max-iters", "404", "--out", generated));
        var a = ReadTrace(fromData, problem, method);
        var b = ReadTrace(generated, problem, method);
        Assert.True(a.Count > 100);
        Assert.True(a.NumericallyIdentical(b));
        // and a different seed gives a different instance, so the comparison can fail
        Succeeds(CliRunner.Run("run", "--problem", problem, "--seed", "8", "--method", method, "--max-iters", "404", "--out", generated));
        Assert.False(a.NumericallyIdentical(ReadTrace(generated, problem, method)));
    }

    [Fact]
    public void Size_sets_a_generated_instance_s_sizes_and_is_recorded_in_the_settings()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run("run", "--problem", "teacher-student", "--size", "d=8,students=3,teachers=1", "--method", "polyak", "--max-iters", "20", "--out", folder.Root));
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        Assert.Equal("3 ReLU students learning 1 teacher (d = 8), population loss", Assert.Single(summary.Runs).ProblemTitle);
        Assert.Equal("d=8,students=3,teachers=1", summary.Settings!.Size);
        using (var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "summary.json"))))
            Assert.Equal(summary.Settings, RunSettingsJson.Parse(document.RootElement.GetProperty("settings").GetRawText(), "summary.json"));
        var (code, _, error) = CliRunner.Run("run", "--problem", "single-neuron", "--size", "d=8", "--out", Path.Combine(folder.Root, "x"));
        Assert.Equal(2, code);
        Assert.Contains("fixed sizes", error);
    }

    [Fact]
    public void Run_writes_the_trace_the_summary_with_its_settings_and_the_figures()
    {
        using var folder = new ScratchFolder();
        var (code, output, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--method", "gd", "--eta", "0.01", "--max-iters", "30", "--out", folder.Root);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Equal("", error);
        var summary = ExperimentJson.Deserialize<ExperimentSummary>(File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
        var run = Assert.Single(summary.Runs);
        Assert.Equal(("quartic-rosenbrock", "gd", 30), (run.Problem, run.Method, run.Iterations));
        Assert.Equal(new RunSettings { Problem = "quartic-rosenbrock", Method = "gd", MethodOptions = Experiments.Options.Of("eta", "0.01"), MaxIterations = 30, Output = folder.Root }, summary.Settings);
        // The recorded settings use the config keys, so the summary's "settings" object is itself a config file.
        using (var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "summary.json"))))
            Assert.Equal(summary.Settings, RunSettingsJson.Parse(document.RootElement.GetProperty("settings").GetRawText(), "summary.json"));
        Assert.Equal("ravine run --problem quartic-rosenbrock --method gd --eta 0.01 --max-iters 30 --out " + folder.Root, summary.CommandLine);
        Assert.Equal(31, ReadTrace(folder.Root, "quartic-rosenbrock", "gd").Count);
        Assert.True(File.Exists(Path.Combine(folder.Root, "quartic-rosenbrock", "gd.json")));
        foreach (string figure in new[] { "gap", "distance", "stepsize" })
            Assert.True(File.Exists(Path.Combine(folder.Root, "quartic-rosenbrock", figure + ".png")), figure);
        Assert.Contains("Reached the iteration limit 30.", output);
    }

    [Fact]
    public void A_config_file_gives_the_same_run_as_the_options_and_options_override_it()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(Path.Combine(folder.Root, "run.json"), """
            { "problem": "quartic-rosenbrock", "method": "gdpolyak", "eta": 0.02, "K": 20, "epochs": 2, "seed": 5, "out": "from-file" }
            """);
        Succeeds(CliRunner.Run("run", "--config", Path.Combine(folder.Root, "run.json")));
        Succeeds(CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--eta", "0.02", "-K", "20", "--epochs", "2", "--seed", "5", "--out", Path.Combine(folder.Root, "from-options")));
        var fromFile = ReadTrace(Path.Combine(folder.Root, "from-file"), "quartic-rosenbrock", "gdpolyak");
        Assert.Equal(2 * 21 + 1, fromFile.Count);
        Assert.True(fromFile.NumericallyIdentical(ReadTrace(Path.Combine(folder.Root, "from-options"), "quartic-rosenbrock", "gdpolyak")));

        Succeeds(CliRunner.Run("run", "--config", Path.Combine(folder.Root, "run.json"), "--epochs", "3", "--K", "10", "--out", Path.Combine(folder.Root, "overridden")));
        Assert.Equal(3 * 11 + 1, ReadTrace(Path.Combine(folder.Root, "overridden"), "quartic-rosenbrock", "gdpolyak").Count);
    }

    /// <summary>Writes the single-neuron instance of seed 7 into a folder, then lets <paramref name="spoil"/> damage it.</summary>
    private static (int Code, string Error) RunOnSpoiled(ScratchFolder folder, Action<InstanceFolder> spoil)
    {
        var data = new InstanceFolder(Path.Combine(folder.Root, "data"));
        InstanceFormats.Save(ProblemRegistry.Generate("single-neuron", 7), data.Path);
        spoil(data);
        var (code, _, error) = CliRunner.Run("run", "--problem", "single-neuron", "--data", data.Path, "--out", Path.Combine(folder.Root, "out"));
        return (code, error);
    }

    public static TheoryData<string, string> Spoilers => new()
    {
        { "truncated", "w1.npy: truncated" },
        { "wrong magic", "w1.npy: bad magic" },
        { "3-D array", "w1.npy: the array has 3 dimensions (2, 50, 1)" },
        { "shape mismatch", "w2.npy: shape (99,), expected (100,)" },
        { "NaN", "v.npy: entry [3] is NaN" },
        { "missing file", "w2.npy: missing" },
    };

    [Theory]
    [MemberData(nameof(Spoilers))]
    public void Malformed_data_exits_2_with_one_line_naming_the_file(string spoiler, string expected)
    {
        using var folder = new ScratchFolder();
        var (code, error) = RunOnSpoiled(folder, data =>
        {
            string w1 = data.FilePath("w1.npy");
            switch (spoiler)
            {
                case "truncated": File.WriteAllBytes(w1, File.ReadAllBytes(w1)[..200]); break;
                case "wrong magic": var bytes = File.ReadAllBytes(w1); bytes[1] = (byte)'X'; File.WriteAllBytes(w1, bytes); break;
                case "3-D array": File.WriteAllBytes(w1, ThreeDimensional(File.ReadAllBytes(w1))); break;
                case "shape mismatch": data.Write("w2.npy", new double[99], 99); break;
                case "NaN": var v = Npy.Read(data.FilePath("v.npy")).Data; v[3] = double.NaN; data.Write("v.npy", v, v.Length); break;
                case "missing file": File.Delete(data.FilePath("w2.npy")); break;
            }
        });
        Assert.Equal(2, code);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("ravine: " + Path.Combine(folder.Root, "data", ""), line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void Finite_data_that_makes_f_at_the_start_overflow_exits_2_before_the_run_naming_the_folder()
    {
        using var folder = new ScratchFolder();
        var (code, error) = RunOnSpoiled(folder, data =>
        {
            var v = Npy.Read(data.FilePath("v.npy")).Data;
            data.Write("v.npy", v.Select(_ => 1e200).ToArray(), v.Length);
        });
        Assert.Equal(2, code);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"ravine: {Path.Combine(folder.Root, "data")}: f(x0) is not finite with this data", line);
        Assert.False(Directory.Exists(Path.Combine(folder.Root, "out")), "the run did not start");
    }

    [Fact]
    public void Measurements_that_do_not_fit_A_exit_2_naming_y_and_both_shapes()
    {
        using var folder = new ScratchFolder();
        var data = new InstanceFolder(Path.Combine(folder.Root, "data"));
        InstanceFormats.Save(ProblemRegistry.Generate("quadratic-sensing", 7), data.Path);
        data.Write("y.npy", new double[999], 999);
        var (code, _, error) = CliRunner.Run("run", "--problem", "quadratic-sensing", "--data", data.Path);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {data.FilePath("y.npy")}: shape (999,), expected (1000,): one measurement per row of A, and A.npy has shape (1000, 100)\n", error);
    }

    /// <summary>The same 100 float64s declared as shape (2, 50, 1): a valid .npy file of a rank the reader refuses.</summary>
    private static byte[] ThreeDimensional(byte[] npy)
    {
        var text = System.Text.Encoding.Latin1.GetString(npy);
        var patched = text.Replace("(100,), ", "(2,50,1)", StringComparison.Ordinal);
        Assert.NotEqual(text, patched);
        Assert.Equal(text.Length, patched.Length);
        return System.Text.Encoding.Latin1.GetBytes(patched);
    }

    [Theory]
    [InlineData("--eta takes a number > 0, not '-1'.", "run", "--problem", "quartic-rosenbrock", "--eta", "-1")]
    [InlineData("-K takes a whole number ≥ 1, not '0'.", "run", "--problem", "quartic-rosenbrock", "-K", "0")]
    [InlineData("Unknown method 'newton'", "run", "--problem", "quartic-rosenbrock", "--method", "newton")]
    [InlineData("Unknown problem 'nope'", "run", "--problem", "nope")]
    [InlineData("run needs a problem", "run")]
    [InlineData("no such folder", "run", "--problem", "quartic-rosenbrock", "--data", "/no/such/ravine/folder")]
    [InlineData("-K takes a whole number ≥ 1, not '-2'.", "run", "--problem", "quartic-rosenbrock", "--K", "-2")]
    [InlineData("-K takes a whole number ≥ 1, not '0'.", "run", "--problem", "quartic-rosenbrock", "--K=0")]
    [InlineData("adam has no option --memory. Its options: --lr, --beta1, --beta2, --epsilon.", "run", "--problem", "quartic-rosenbrock", "--method", "adam", "--memory", "3")]
    [InlineData("--lr needs a value.", "run", "--problem", "quartic-rosenbrock", "--method", "adam", "--lr")]
    [InlineData("Unknown option 'k'", "run", "--problem", "quartic-rosenbrock", "-k", "3")]
    public void Bad_settings_exit_2_with_one_line_on_stderr(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(expected, line);
    }

    [Fact]
    public void A_config_file_that_is_not_utf8_exits_2_with_one_line_naming_the_file()
    {
        using var folder = new ScratchFolder();
        string path = Path.Combine(folder.Root, "run.json");
        // Latin-1 "é" (0xE9) alone is not UTF-8; read leniently it would become U+FFFD inside the output folder's name.
        File.WriteAllBytes(path, [.. "{ \"problem\": \"quartic-rosenbrock\", \"max-iters\": 1, \"out\": \"r"u8, 0xE9, .. "sultats\" }"u8]);
        var (code, _, error) = CliRunner.Run("run", "--config", path);
        Assert.Equal(2, code);
        Assert.StartsWith($"ravine: {path}: not valid UTF-8", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Data_naming_a_file_exits_2_saying_it_is_a_file()
    {
        using var folder = new ScratchFolder();
        string file = folder.File("w1.npy");
        File.WriteAllText(file, "");
        var (code, _, error) = CliRunner.Run("run", "--problem", "single-neuron", "--data", file);
        Assert.Equal(2, code);
        Assert.Equal($"ravine: {file}: a file, not a folder; --data takes the folder that holds the instance's .npy files\n", error);
    }

    [Fact]
    public void A_bad_config_file_exits_2_naming_the_file_and_the_key()
    {
        using var folder = new ScratchFolder();
        string path = Path.Combine(folder.Root, "run.json");
        File.WriteAllText(path, """{ "problem": "quartic-rosenbrock", "stepsize": 0.1 }""");
        var (code, _, error) = CliRunner.Run("run", "--config", path);
        Assert.Equal(2, code);
        Assert.StartsWith($"ravine: {path}: unknown key 'stepsize'; known keys: problem, size, data,", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Run_with_f_star_unknown_estimates_it_and_the_trace_shows_the_estimate()
    {
        using var folder = new ScratchFolder();
        Succeeds(CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--fstar", "unknown", "--epochs", "10", "--out", folder.Root));
        var trace = ReadTrace(folder.Root, "quartic-rosenbrock", "gdpolyak");
        Assert.True(double.IsFinite(trace.OptimalValueEstimate[trace.Count - 1]));
        Assert.Contains("\"fstar\": \"unknown\"", File.ReadAllText(Path.Combine(folder.Root, "summary.json")));
    }

    [Fact]
    public void Run_with_held_out_data_and_patience_stops_early_at_the_best_validation_point()
    {
        using var folder = new ScratchFolder();
        string data = Path.Combine(folder.Root, "data");
        Succeeds(CliRunner.Run("generate", "quadratic-sensing", "--validation", "250", "--noise", "0.01", "--out", data));
        var (code, output, error) = CliRunner.Run("run", "--problem", "quadratic-sensing", "--data", data, "--fstar", "unknown", "--patience", "5", "--out", Path.Combine(folder.Root, "r"));
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Contains("EarlyStopping", output);
        Assert.Contains(StepKind.Rejected, ReadTrace(Path.Combine(folder.Root, "r"), "quadratic-sensing", "gdpolyak").Kind.ToArray());
    }

    [Fact]
    public void Patience_without_held_out_data_is_refused()
    {
        using var folder = new ScratchFolder();
        var (code, _, error) = CliRunner.Run("run", "--problem", "quartic-rosenbrock", "--patience", "5", "--out", folder.Root);
        Assert.NotEqual(0, code);
        Assert.Contains("held-out", error);
    }
}
