using Ravine.IO;
using CsCheck;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

/// <summary>
/// Interrupting a run at any iteration — once or twice — and resuming through the JSON checkpoint gives the run that
/// was never interrupted, for every method and start.
/// </summary>
public class ResumePropertyTests
{
    private static IMethod Create(int method) => Methods.MethodsUnderTest.Create(method, 0.0125);

    private const int Budget = 300;

    /// <summary>Runs from <paramref name="from"/> (or the start) until cancelled at <paramref name="stopAt"/>, through a JSON round trip.</summary>
    private static MinimizeResult RunUntil(IMethod method, double[] start, RunCheckpoint? from, int stopAt)
    {
        using var cancellation = new CancellationTokenSource();
        var options = new MinimizeOptions
        {
            MaxIterations = Budget,
            CancellationToken = cancellation.Token,
            Observer = (in IterationInfo info) =>
            {
                if (info.Iteration >= stopAt) cancellation.Cancel();
                return ObserverAction.Continue;
            },
        };
        return from is null
            ? Minimizer.Minimize(new QuarticRosenbrock(), start, method, options)
            : Minimizer.Resume(new QuarticRosenbrock(), method, ThroughJson(from), options);
    }

    /// <summary>The checkpoint written to JSON and read back, as a resumed run in another process gets it.</summary>
    internal static RunCheckpoint ThroughJson(RunCheckpoint checkpoint)
    {
        using var stream = new MemoryStream();
        RunCheckpointJson.Write(checkpoint, stream);
        stream.Position = 0;
        return RunCheckpointJson.Read(stream);
    }

    [Fact]
    public void Resuming_at_any_iteration_gives_the_uninterrupted_trace_for_every_method()
    {
        Gen.Select(Gen.Int[0, Methods.MethodsUnderTest.Count - 1], Gen.Int[0, Budget], Gen.Int[0, Budget], Gen.Double[-2, 2].Array[2])
            .Sample((method, first, second, start) =>
            {
                var reference = Minimizer.Minimize(new QuarticRosenbrock(), start, Create(method), new MinimizeOptions { MaxIterations = Budget });
                var result = RunUntil(Create(method), start, null, Math.Min(first, second));
                // Up to two interruptions; a run that ended on its own before one is simply the whole run.
                foreach (int stopAt in new[] { Math.Max(first, second), int.MaxValue })
                    if (result.StopReason == StopReason.Cancelled)
                        result = RunUntil(Create(method), start, result.Checkpoint!, stopAt);
                Assert.Equal(reference.StopReason, result.StopReason);
                Assert.Equal(reference.OracleCalls, result.OracleCalls);
                Assert.Equal(reference.X, result.X);
                Assert.Equal(reference.BestValue, result.BestValue);
                Assert.True(reference.Trace.NumericallyIdentical(result.Trace), $"{reference.Method} from ({start[0]}, {start[1]}) stopped at {first} and {second}: {FirstDifference(reference.Trace, result.Trace)}");
            }, iter: 150);
    }

    private static string FirstDifference(Trace a, Trace b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
            if (a[i] with { Seconds = 0 } != b[i] with { Seconds = 0 }) return $"row {i}: {a[i]} vs {b[i]}";
        return $"rows {a.Count} vs {b.Count}";
    }
}
