using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ravine.Benchmarks;

/// <summary>
/// The wall time of the published <c>ravine</c> end to end, as a user sees it: the executable started as a process,
/// until it exits. <see cref="SmallRun"/> is the small run a user starts with: the quartic Rosenbrock function with
/// GDPolyak at the published settings, writing all its outputs (trace CSV, run and summary JSON, five figures as PNG
/// and SVG) into a fresh folder; <see cref="Version"/> is the start-up alone (runtime, command line, exit).
/// </summary>
/// <remarks>
/// Times the folder given in <c>RAVINE_PUBLISHED</c>, else <c>artifacts/ravine</c> under the repository, made by
/// <c>dotnet publish src/Ravine.Cli -c Release -r linux-x64 -o artifacts/ravine</c> (what the linux-x64 tool package
/// holds; without <c>-r</c> the publish is framework-dependent); so a build published before a change can be
/// timed against one published after it. One invocation per iteration (Monitoring): a run of this length needs no
/// batching, and each must start a cold process. In process: what is timed is the child, so the benchmark needs no
/// project of its own built. Standard output and error are read and dropped, as when a script runs the command, so no
/// progress display is drawn.
/// </remarks>
[Config(typeof(ChildProcessConfig))]
[MinColumn, MedianColumn, MaxColumn]
public class StartupBenchmarks
{
    private sealed class ChildProcessConfig : ManualConfig
    {
        public ChildProcessConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3)
            .WithIterationCount(30).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private string _executable = "";
    private string _output = "";

    [GlobalSetup]
    public void FindThePublishedTool()
    {
        string folder = Environment.GetEnvironmentVariable("RAVINE_PUBLISHED") is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.Combine(RepositoryRoot(), "artifacts", "ravine");
        _executable = Path.Combine(folder, OperatingSystem.IsWindows() ? "Ravine.Cli.exe" : "Ravine.Cli");
        if (!File.Exists(_executable))
            throw new InvalidOperationException(
                $"No published ravine at {_executable}. Publish it first: dotnet publish src/Ravine.Cli -c Release -r linux-x64 -o artifacts/ravine " +
                "(or set RAVINE_PUBLISHED to the folder of another publish).");
    }

    [IterationSetup]
    public void NewFolder() => _output = Path.Combine(Path.GetTempPath(), "ravine-startup-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder()
    {
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }

    /// <summary><c>ravine run --problem quartic-rosenbrock --method gdpolyak --out DIR</c>, a fresh DIR each time.</summary>
    [Benchmark]
    public void SmallRun() => Run("run", "--problem", "quartic-rosenbrock", "--method", "gdpolyak", "--out", _output);

    /// <summary><c>ravine --version</c>: what any command pays before it starts its work.</summary>
    [Benchmark]
    public void Version() => Run("--version");

    private void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(_executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // A run that failed would time the wrong thing.
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ravine {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Ravine.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"No Ravine.sln above {AppContext.BaseDirectory}; set RAVINE_PUBLISHED to the published folder.");
    }
}
