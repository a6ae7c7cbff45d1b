using Ravine.Cli.Experiments;
using Ravine.Cli.Output;

namespace Ravine.Tests.Cli;

/// <summary>The notice a long run prints before it is under way, and the runner's one estimate per run.</summary>
public class TimeEstimateNoticeTests
{
    private static readonly ExperimentKey Key = new("fashion-mnist", "gdpolyak-adaptive");

    [Fact]
    public void A_run_estimated_to_take_minutes_says_so_with_how_to_stop_it_sooner()
    {
        var notes = new StringWriter();
        new TimeEstimateNotice(notes).Estimated(Key, iterations: 50, elapsed: TimeSpan.FromSeconds(2), remaining: 99_950);
        string text = notes.ToString();
        Assert.Contains("fashion-mnist/gdpolyak-adaptive: about 1.1 h more for the 99,950 iterations left", text);
        Assert.Contains("40 ms each over the first 50", text);
        Assert.Contains("--time-limit", text);
    }

    [Fact]
    public void Iterations_faster_than_a_millisecond_are_given_in_microseconds_not_as_0_ms()
    {
        var notes = new StringWriter();
        // 200 iterations in 2.9 ms, 99,999,800 left: about 24 min.
        new TimeEstimateNotice(notes).Estimated(Key, iterations: 200, elapsed: TimeSpan.FromMilliseconds(2.9), remaining: 99_999_800);
        string text = notes.ToString();
        Assert.Contains("(14.5 µs each over the first 200)", text);
        Assert.DoesNotContain("0 ms", text);
    }

    [Fact]
    public void A_short_run_gets_no_notice()
    {
        var notes = new StringWriter();
        new TimeEstimateNotice(notes).Estimated(Key, iterations: 200, elapsed: TimeSpan.FromSeconds(0.1), remaining: 4_800);
        Assert.Equal("", notes.ToString());
    }

    private sealed class Recorder : IExperimentObserver
    {
        public List<(long Iterations, long Remaining)> Estimates { get; } = [];
        public void RunStarted(ExperimentKey key, long iterationBudget) { }
        public void Progress(ExperimentKey key, long iteration, double gap) { }
        public void Estimated(ExperimentKey key, long iterations, TimeSpan elapsed, long remaining) => Estimates.Add((iterations, remaining));
        public void RunFinished(RunRecord run) { }
    }

    [Fact]
    public void The_runner_estimates_each_run_once_after_its_first_iterations()
    {
        var recorder = new Recorder();
        var plan = RunPlan.Create(new RunSettings { Problem = "quartic-rosenbrock", Method = "gd", MaxIterations = 1_000 });
        Runner.Run(plan, recorder);
        var (iterations, remaining) = Assert.Single(recorder.Estimates);
        Assert.InRange(iterations, 1, 200);
        Assert.InRange(remaining, 1_000 - 220, 1_000 - 21);
    }

    [Fact]
    public void The_estimate_counts_the_methods_time_and_not_the_accuracy_samples_taken_beside_it()
    {
        // 40 ms per iteration, and 300 ms more for an accuracy sample at 0, 1, 2, 5, 10, 20, 50, 100, 200 (as on
        // fashion-mnist): the rest of a long run has few samples, so the estimate must say 40 ms an iteration.
        long[] sampled = [0, 1, 2, 5, 10, 20, 50, 100, 200];
        TimeSpan each = TimeSpan.FromMilliseconds(40), sample = TimeSpan.FromMilliseconds(300);
        var estimate = new RunTimeEstimate();
        TimeSpan observing = default;
        (long Iterations, TimeSpan Elapsed)? window = null;
        for (long iteration = 0; iteration <= 1_000 && window is null; iteration++)
        {
            // Elapsed at an iteration: its predecessors' work and samples; observing: those samples.
            window = estimate.Observe(iteration, iteration * each + observing, observing);
            if (sampled.Contains(iteration)) observing += sample;
        }
        Assert.NotNull(window);
        Assert.True(window.Value.Iterations > 0);
        Assert.Equal(each * window.Value.Iterations, window.Value.Elapsed);
    }
}
