using BenchmarkDotNet.Attributes;
using Ravine.Cli.Experiments;

namespace Ravine.Benchmarks;

/// <summary>
/// What checkpointing costs a long <c>ravine run</c>: 100,000 GD iterations on the quartic Rosenbrock function, run
/// with its data files (trace CSV and run JSON) as the command writes them, without checkpoints
/// (<c>--checkpoint-every 0</c>) and with the default one every 1,000 iterations. Checkpoints are meant to cost at most
/// half a run again: a ratio of at most 1.5 between the two.
/// </summary>
/// <remarks>
/// One invocation per iteration (each writes into a fresh folder); a run takes long enough that the timer's
/// resolution does not matter. The code before the trace moved out of the checkpoint was timed with this file, with
/// <c>new ExperimentFiles(folder)</c> in place of <see cref="ExperimentFiles.Start"/>.
/// </remarks>
public class RunCheckpointBenchmarks
{
    private RunPlan _plan = null!;
    private string _folder = "";

    /// <summary>The checkpoint interval; 0 writes none.</summary>
    [Params(0, 1000)]
    public int CheckpointEvery { get; set; }

    [GlobalSetup]
    public void Setup() => _plan = RunPlan.Create(new RunSettings
    {
        Problem = "quartic-rosenbrock",
        Method = "gd",
        MethodOptions = new Dictionary<string, string>(StringComparer.Ordinal) { ["eta"] = "0.0125" },
        MaxIterations = 100_000,
    });

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(Path.GetTempPath(), "ravine-bench-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>The run, its checkpoints and its trace CSV and run JSON.</summary>
    [Benchmark]
    public RunRecord RunWithItsFiles() =>
        Runner.Run(_plan, ExperimentFiles.Start(_folder, [new ExperimentKey(_plan.Problem.Name, _plan.MethodName)], []), CancellationToken.None, RunCheckpointing.For(_plan, _folder, CheckpointEvery));
}
