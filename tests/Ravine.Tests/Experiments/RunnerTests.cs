using Ravine.Cli.Experiments;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Experiments;

public class RunnerTests
{
    private static readonly ExperimentPlan RosenbrockPlan = new() { Problems = ["quartic-rosenbrock"] };

    [Fact]
    public void The_published_rosenbrock_runs_each_method_from_the_same_seeded_start_for_its_budget()
    {
        var runs = Runner.Run(RosenbrockPlan);
        Assert.Equal(["gdpolyak", "gd", "polyak"], runs.Select(r => r.Key.Method));
        Assert.Equal(5050, runs[0].IterationBudget);
        Assert.Equal(5000, runs[1].IterationBudget);
        Assert.Equal(5050, runs[0].Result.Iterations);
        Assert.Equal(5000, runs[1].Result.Iterations);
        double startValue = ProblemRegistry.Generate("quartic-rosenbrock").Evaluate(ProblemRegistry.Generate("quartic-rosenbrock").Start, new double[2]);
        Assert.All(runs, r => Assert.Equal(startValue, r.Result.Trace.Value[0]));
        Assert.Equal(50, runs[0].LongSteps.Count);
        Assert.Equal(Enumerable.Range(1, 50), runs[0].LongSteps.Select(s => s.Epoch));
    }

    [Fact]
    public void Runs_in_parallel_give_the_same_traces_as_runs_one_at_a_time()
    {
        var parallel = Runner.Run(RosenbrockPlan with { MaxParallelRuns = 3 });
        var serial = Runner.Run(RosenbrockPlan with { MaxParallelRuns = 1 });
        Assert.All(parallel.Zip(serial), pair => Assert.True(pair.First.Result.Trace.NumericallyIdentical(pair.Second.Result.Trace)));
    }

    [Fact]
    public void Quick_runs_a_fifth_of_the_epochs()
    {
        var plan = RosenbrockPlan with { Quick = true };
        var run = Assert.Single(Runner.Run(plan with { Methods = ["gdpolyak"] }));
        Assert.Equal(10L, run.Arguments.Integer("epochs"));
        Assert.Equal(1010, run.Result.Iterations);
    }

    [Fact]
    public void Names_are_matched_ignoring_case_and_unknown_names_list_the_known_ones()
    {
        var keys = (RosenbrockPlan with { Methods = ["GD"], Problems = ["Quartic-Rosenbrock"] }).Keys();
        Assert.Equal(new ExperimentKey("quartic-rosenbrock", "gd"), Assert.Single(keys));
        var error = Assert.Throws<ArgumentException>(() => Runner.Run(RosenbrockPlan with { Methods = ["newton"] }));
        Assert.Contains("gdpolyak", error.Message);
        Assert.Throws<ArgumentException>(() => (RosenbrockPlan with { Methods = ["gd", "GD"] }).Validate());
        Assert.Throws<ArgumentException>(() => (RosenbrockPlan with { Problems = [] }).Validate());
    }

    [Fact]
    public void The_observer_sees_every_run_start_progress_and_finish()
    {
        var observer = new RecordingObserver();
        var runs = Runner.Run(RosenbrockPlan with { Quick = true }, observer);
        Assert.Equal(runs.Select(r => r.Key).OrderBy(k => k.Method), observer.Started.OrderBy(k => k.Method));
        Assert.Equal(runs.Select(r => r.Key).OrderBy(k => k.Method), observer.Finished.OrderBy(k => k.Method));
        Assert.InRange(observer.ProgressCalls, 3 * 50, 3 * 110);
    }

    [Fact]
    public void A_token_cancelled_during_a_run_stops_it_with_its_partial_trace_and_skips_the_rest()
    {
        using var cancellation = new CancellationTokenSource();
        var observer = new RecordingObserver(onProgress: iteration => { if (iteration >= 1000) cancellation.Cancel(); });
        var runs = Runner.Run(RosenbrockPlan with { MaxParallelRuns = 1 }, observer, cancellation.Token);
        var run = Assert.Single(runs);
        Assert.Equal(StopReason.Cancelled, run.Result.StopReason);
        Assert.InRange(run.Result.Iterations, 1000, 1100);
        Assert.Equal(run.Result.Iterations + 1, run.Result.Trace.Count);
    }

    private sealed class RecordingObserver(Action<long>? onProgress = null) : IExperimentObserver
    {
        public List<ExperimentKey> Started { get; } = [];
        public List<ExperimentKey> Finished { get; } = [];
        public int ProgressCalls;

        public void RunStarted(ExperimentKey key, long iterationBudget) { lock (Started) Started.Add(key); }

        public void Progress(ExperimentKey key, long iteration, double gap)
        {
            Interlocked.Increment(ref ProgressCalls);
            onProgress?.Invoke(iteration);
        }

        public void RunFinished(RunRecord run) { lock (Finished) Finished.Add(run.Key); }
    }
}
