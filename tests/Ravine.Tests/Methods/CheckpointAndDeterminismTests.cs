using Ravine.IO;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Methods;

/// <summary>Every method: same inputs give the same trace, and a cancelled run resumed gives the uninterrupted trace.</summary>
public class CheckpointAndDeterminismTests
{
    public static TheoryData<string> MethodNames => MethodsUnderTest.Names();

    private static IMethod Create(string name) => MethodsUnderTest.Create(name, 0.0125);

    private static readonly MinimizeOptions Budget = new() { MaxIterations = 300 };

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Same_inputs_give_bit_identical_traces(string name)
    {
        var a = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], Create(name), Budget);
        var b = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], Create(name), Budget);
        Assert.True(a.Trace.NumericallyIdentical(b.Trace));
        Assert.True(a.Iterations > 10, a.ToString());
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Resume_after_cancellation_through_json_equals_the_uninterrupted_run(string name)
    {
        using var cts = new CancellationTokenSource();
        var interrupted = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], Create(name), Budget with
        {
            CancellationToken = cts.Token,
            Observer = (in IterationInfo info) => { if (info.Iteration == 10) cts.Cancel(); return ObserverAction.Continue; },
        });
        Assert.Equal(StopReason.Cancelled, interrupted.StopReason);
        using var stream = new MemoryStream();
        RunCheckpointJson.Write(interrupted.Checkpoint!, stream);
        stream.Position = 0;
        var resumed = Minimizer.Resume(new QuarticRosenbrock(), Create(name), RunCheckpointJson.Read(stream), Budget);
        var reference = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], Create(name), Budget);
        Assert.Equal(reference.StopReason, resumed.StopReason);
        Assert.True(reference.Trace.NumericallyIdentical(resumed.Trace));
    }
}
