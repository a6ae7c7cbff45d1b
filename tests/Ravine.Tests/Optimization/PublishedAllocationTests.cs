using Ravine.Cli.Paper;
using Ravine.Tests.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

/// <summary>Every method on every published problem allocates nothing per iteration, traced distance included.</summary>
[Collection(AllocationMeasurementCollection.Name)]
public class PublishedAllocationTests
{
    public static TheoryData<string, string> ProblemsAndMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (string problem in PublishedExperiments.Problems)
            foreach (var (method, _) in MethodsUnderTest.Configurations)
                data.Add(problem, method);
        return data;
    }

    // Both runs must stop at the iteration limit (L-BFGS ends the single-neuron run by a failed line search at
    // iteration 125), since a result that stops there also saves the method's state for a resume, once per run.
    private const int Short = 24, Long = 74;

    private static long Run(ITestProblem problem, string method, int iterations, bool trace)
    {
        // The shared list takes 10 short steps per GDPolyak epoch, so its long step is inside the measured iterations.
        double eta = PublishedExperiments.For(problem.Name)!.Stepsize;
        double[] start = problem.Start;
        var options = new MinimizeOptions { MaxIterations = iterations, RecordTrace = trace };
        return AllocationMeasurement.AllocatedBy(() => Minimizer.Minimize(problem, start, MethodsUnderTest.Create(method, eta), options));
    }

    [Theory]
    [MemberData(nameof(ProblemsAndMethods))]
    public void Without_a_trace_a_longer_run_allocates_no_more(string problem, string method)
    {
        var instance = ProblemRegistry.Generate(problem);
        // 50 more iterations would add at least 50 × 24 bytes for any per-iteration allocation; the runtime's own
        // occasional 64-byte allocation on this thread (seen once in a few hundred runs) is not one.
        long shorter = Run(instance, method, Short, trace: false), longer = Run(instance, method, Long, trace: false);
        Assert.True(Math.Abs(longer - shorter) <= 64, $"{Short} iterations: {shorter} B, {Long} iterations: {longer} B");
    }

    [Theory]
    [MemberData(nameof(ProblemsAndMethods))]
    public void With_a_trace_a_longer_run_allocates_only_its_longer_columns(string problem, string method)
    {
        // The trace's columns are allocated once for the whole budget: 4 + 8 + 6·8 + 1 = 61 bytes per row, and 8 more for
        // each column the method declares (a note reference, an f* estimate, a predicted f). The distance recorded on every
        // row must allocate nothing.
        var instance = ProblemRegistry.Generate(problem);
        var columns = MethodsUnderTest.Create(method, 1).TraceColumns;
        int perRow = 61 + (columns.HasFlag(TraceColumns.Note) ? 8 : 0) + (columns.HasFlag(TraceColumns.OptimalValueEstimate) ? 8 : 0)
            + (columns.HasFlag(TraceColumns.Prediction) ? 8 : 0);
        long extra = Run(instance, method, Long, trace: true) - Run(instance, method, Short, trace: true);
        // ±128 bytes: the runtime now and then allocates a small object on this thread (never one per iteration: 50 more
        // iterations of any per-iteration allocation would add far more).
        Assert.InRange(extra, (Long - Short) * perRow - 128, (Long - Short) * perRow + 128);
    }
}
