using Ravine.IO;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

public class ResumeTests
{
    private static readonly IMethod Method = new GdPolyak(0.0125, 100, 20, 0);

    private static MinimizeResult Uninterrupted() => Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method);

    [Fact]
    public void Resuming_a_cancelled_run_gives_the_uninterrupted_trace()
    {
        using var cts = new CancellationTokenSource();
        var interrupted = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method, new MinimizeOptions
        {
            CancellationToken = cts.Token,
            Observer = (in IterationInfo info) => { if (info.Iteration == 777) cts.Cancel(); return ObserverAction.Continue; },
        });
        Assert.Equal(StopReason.Cancelled, interrupted.StopReason);

        var resumed = Minimizer.Resume(new QuarticRosenbrock(), Method, interrupted.Checkpoint!);
        var reference = Uninterrupted();
        Assert.Equal(reference.StopReason, resumed.StopReason);
        Assert.Equal(reference.OracleCalls, resumed.OracleCalls);
        Assert.True(reference.Trace.NumericallyIdentical(resumed.Trace));
        Assert.Equal(reference.X, resumed.X);
        Assert.Equal(reference.BestValue, resumed.BestValue);
        Assert.Equal(reference.LongestStep, resumed.LongestStep);
    }

    [Fact]
    public void Resuming_from_a_periodic_checkpoint_through_json_gives_the_uninterrupted_trace()
    {
        byte[]? saved = null;
        Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method, new MinimizeOptions
        {
            MaxIterations = 1500,
            CheckpointInterval = 500,
            CheckpointSink = c =>
            {
                if (c.Iteration != 1000) return;
                using var stream = new MemoryStream();
                RunCheckpointJson.Write(c, stream);
                saved = stream.ToArray();
            },
        });
        Assert.NotNull(saved);

        var checkpoint = RunCheckpointJson.Read(new MemoryStream(saved!));
        Assert.Equal(1001, checkpoint.Trace.Count);
        var resumed = Minimizer.Resume(new QuarticRosenbrock(), Method, checkpoint);
        Assert.True(Uninterrupted().Trace.NumericallyIdentical(resumed.Trace));
    }

    [Fact]
    public void A_run_cancelled_before_its_first_step_resumes_to_the_uninterrupted_trace()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var interrupted = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method, new MinimizeOptions { CancellationToken = cts.Token });
        Assert.Equal((StopReason.Cancelled, 0), (interrupted.StopReason, interrupted.Iterations));
        using var stream = new MemoryStream();
        RunCheckpointJson.Write(interrupted.Checkpoint!, stream);
        stream.Position = 0;
        var resumed = Minimizer.Resume(new QuarticRosenbrock(), Method, RunCheckpointJson.Read(stream));
        Assert.True(Uninterrupted().Trace.NumericallyIdentical(resumed.Trace));
    }

    [Fact]
    public void A_run_cancelled_at_its_last_allowed_iteration_resumes_without_an_extra_step()
    {
        using var cts = new CancellationTokenSource();
        var limit = new MinimizeOptions { MaxIterations = 40 };
        var interrupted = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method, limit with
        {
            CancellationToken = cts.Token,
            Observer = (in IterationInfo info) => { if (info.Iteration == 40) cts.Cancel(); return ObserverAction.Continue; },
        });
        Assert.Equal((StopReason.Cancelled, 40), (interrupted.StopReason, interrupted.Iterations));
        var resumed = Minimizer.Resume(new QuarticRosenbrock(), Method, interrupted.Checkpoint!, limit);
        Assert.Equal((StopReason.MaxIterations, 40, 41L), (resumed.StopReason, resumed.Iterations, resumed.OracleCalls));
    }

    [Fact]
    public void A_cancellation_on_the_step_that_completes_the_method_reports_the_completed_run()
    {
        var method = new GdPolyak(0.0125, 10, 2, 0);
        using var cts = new CancellationTokenSource();
        var cancelled = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], method, new MinimizeOptions
        {
            CancellationToken = cts.Token,
            Observer = (in IterationInfo info) => { if (info.Iteration == 22) cts.Cancel(); return ObserverAction.Continue; },
        });
        var whole = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], method);
        Assert.Equal((StopReason.MethodCompleted, 22), (whole.StopReason, whole.Iterations));
        Assert.Equal((whole.StopReason, whole.Iterations), (cancelled.StopReason, cancelled.Iterations));
    }

    [Fact]
    public void A_checkpoint_of_another_method_is_rejected()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], new GradientDescent(0.01), new MinimizeOptions { MaxIterations = 3 });
        var e = Assert.Throws<ArgumentException>(() => Minimizer.Resume(new QuarticRosenbrock(), Method, result.Checkpoint!));
        Assert.Contains("'GD'", e.Message);
    }

    [Fact]
    public void A_corrupt_checkpoint_fails_with_a_format_exception()
    {
        Assert.Throws<FormatException>(() => RunCheckpointJson.Read(new MemoryStream("{\"formatVersion\":2,"u8.ToArray())));
        Assert.Throws<FormatException>(() => RunCheckpointJson.Read(new MemoryStream("{\"formatVersion\":2,\"bogus\":3}"u8.ToArray())));
    }

    [Fact]
    public void A_method_state_out_of_range_is_rejected_on_resume()
    {
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [0.9, 1.3], Method, new MinimizeOptions { MaxIterations = 50 });
        var c = result.Checkpoint!;
        var bad = new RunCheckpoint
        {
            Method = c.Method, X = c.X, Value = c.Value, Gradient = c.Gradient, Iteration = c.Iteration, OracleCalls = c.OracleCalls,
            BestX = c.BestX, BestValue = c.BestValue, BestIteration = c.BestIteration, LongestStep = c.LongestStep,
            StartValue = c.StartValue, StartGradientNorm = c.StartGradientNorm, ElapsedSeconds = c.ElapsedSeconds, Trace = c.Trace,
            MethodState = new SerializedMethodMemory(new Dictionary<string, double[]> { ["epoch"] = [1.5], ["stepInEpoch"] = [3] }),
        };
        var e = Assert.Throws<FormatException>(() => Minimizer.Resume(new QuarticRosenbrock(), Method, bad));
        Assert.Contains("epoch", e.Message);
    }
}
