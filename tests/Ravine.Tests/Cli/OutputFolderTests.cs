using Ravine.Cli.Experiments;
using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// Output folders (and bench's output file) are checked before any work: a path that cannot be used fails at once,
/// exit 2, on one line naming it.
/// </summary>
/// <remarks>
/// The tests run as root, for whom a read-only folder (chmod 555) is writable; so they use what fails even for root:
/// a file in the folder's place or in a parent's place, a name longer than the file system's 255 bytes, and a place
/// the kernel refuses to anyone (/sys). A read-only folder as a non-root user takes the same path through the code
/// (the probe file cannot be made) and is not tested here.
/// </remarks>
public class OutputFolderTests
{
    /// <summary>Each command with cheap settings, its output option last (the path follows).</summary>
    public static TheoryData<string> Commands => new() { "run", "reproduce", "bench", "generate" };

    private static string[] With(string command, string path) => command switch
    {
        "run" => ["run", "--problem", "quartic-rosenbrock", "--out", path],
        "reproduce" => ["reproduce", "--quick", "--problems", "quartic-rosenbrock", "--out", path],
        "bench" => ["bench", "--quick", "--runs", "1", "--problems", "quartic-rosenbrock", "--out", Path.Combine(path, "timings.json")],
        _ => ["generate", "quartic-rosenbrock", "--out", path],
    };

    /// <summary>Runs the command and checks it failed with exit 2, one line naming <paramref name="named"/>, and nothing computed.</summary>
    private static string FailsAtOnce(string[] args, string named)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"ravine: {named}: ", line);
        Assert.DoesNotContain(".tmp", line);
        Assert.DoesNotContain("quartic-rosenbrock", output);
        return line;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_output_path_under_a_file_exits_2_before_any_work_naming_it(string command)
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("a-file"), "");
        string path = Path.Combine(folder.File("a-file"), "out");
        var line = FailsAtOnce(With(command, path), path);
        Assert.Contains($"cannot be made: {folder.File("a-file")} is a file, not a folder", line);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_over_long_output_name_exits_2_before_any_work_naming_it(string command)
    {
        using var folder = new ScratchFolder();
        string path = folder.File(new string('n', 300));
        var line = FailsAtOnce(With(command, path), path);
        Assert.Contains("too long", line);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("reproduce")]
    [InlineData("generate")]
    public void A_file_in_place_of_the_output_folder_exits_2_before_any_work_naming_it(string command)
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.File("a-file"), "");
        var line = FailsAtOnce(With(command, folder.File("a-file")), folder.File("a-file"));
        Assert.EndsWith("a file is in the way: this must be a folder", line);
    }

    [Fact]
    public void An_output_folder_the_system_refuses_even_to_root_exits_2_naming_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        FailsAtOnce(With("run", "/sys/ravine-out"), "/sys/ravine-out");
        var line = FailsAtOnce(With("reproduce", "/sys"), "/sys");
        Assert.Contains("cannot be made or written", line);
    }

    [Fact]
    public void A_folder_as_benchs_output_file_exits_2_before_the_timing()
    {
        using var folder = new ScratchFolder();
        string[] args = ["bench", "--quick", "--runs", "1", "--problems", "quartic-rosenbrock", "--out", folder.Root + Path.DirectorySeparatorChar];
        var line = FailsAtOnce(args, folder.Root);
        Assert.Contains("names a folder; this option takes a file name", line);
    }

    [Fact]
    public void The_check_leaves_no_file_behind()
    {
        using var folder = new ScratchFolder();
        string path = folder.File("instance");
        Assert.Equal(0, CliRunner.Run("generate", "quartic-rosenbrock", "--out", path).ExitCode);
        Assert.Equal(["x0.npy"], Directory.GetFiles(path).Select(Path.GetFileName));
    }

    [Fact]
    public void OutputFolder_Prepare_makes_a_missing_folder_with_its_parents()
    {
        using var folder = new ScratchFolder();
        string path = Path.Combine(folder.Root, "a", "b");
        Assert.Equal(path, OutputFolder.Prepare(path));
        Assert.True(Directory.Exists(path));
    }
}
