using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.Methods;

namespace Ravine.Tests.Optimization;

/// <summary>A trace holds the common columns and those its method declares (<see cref="IMethod.TraceColumns"/>), no others.</summary>
public class TraceColumnsTests
{
    public static TheoryData<int> Configurations => [.. Enumerable.Range(0, MethodsUnderTest.Count)];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_method_declares_the_columns_its_reports_carry_and_its_trace_has_just_those(int index)
    {
        var method = new Watched(MethodsUnderTest.Create(index, 0.0125));
        var result = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], method, new MinimizeOptions { MaxIterations = 400 });
        Assert.True((method.Carried & ~method.TraceColumns) == TraceColumns.None,
            $"{MethodsUnderTest.Configurations[index].Name} reports {method.Carried} but declares {method.TraceColumns}");
        Assert.Equal(method.TraceColumns, result.Trace.Columns);
    }

    [Fact]
    public void Gradient_descent_records_no_note_and_no_estimate()
    {
        var trace = Minimizer.Minimize(new QuarticRosenbrock(), [1.2, -0.7], new GradientDescent(0.0125), new MinimizeOptions { MaxIterations = 5 }).Trace;
        Assert.Equal(TraceColumns.None, trace.Columns);
        Assert.Equal(6, trace.Count);
        Assert.Empty(trace.Note.ToArray());
        Assert.Empty(trace.OptimalValueEstimate.ToArray());
        Assert.Null(trace[5].Note);
        Assert.True(double.IsNaN(trace[5].OptimalValueEstimate));
    }

    [Fact]
    public void A_run_with_validation_has_the_note_column_whatever_its_method_since_a_rolled_back_step_says_why()
    {
        var problem = QuadraticSensing.Generate(3407, heldOut: 250, noise: 0.01);
        var trace = Minimizer.Minimize(problem, problem.Start, new PolyakStep(0), new MinimizeOptions { Validation = problem.HeldOut, MaxIterations = 3 }).Trace;
        Assert.Equal(TraceColumns.Note, trace.Columns);
    }

    [Fact]
    public void A_row_keeps_only_the_columns_of_its_trace_and_a_copy_can_take_others()
    {
        var trace = new Trace(columns: TraceColumns.OptimalValueEstimate);
        trace.Add(new TraceRow(0, 1, 2, 1, 1, 0, StepKind.Start, double.NaN, 0, "restart", 0.5));
        Assert.Equal(new TraceRow(0, 1, 2, 1, 1, 0, StepKind.Start, double.NaN, 0, null, 0.5), trace[0]);
        var both = trace.Copy(0, TraceColumns.Note | TraceColumns.OptimalValueEstimate);
        Assert.Equal(trace[0], both[0]);
        Assert.False(trace.NumericallyIdentical(both));
        Assert.True(trace.NumericallyIdentical(both.Copy(0, TraceColumns.OptimalValueEstimate)));
        Assert.Equal(new string?[] { null }, both.Note.ToArray());
    }

    /// <summary>A method as it is, noting which columns its step reports carry a value for.</summary>
    private sealed class Watched(IMethod inner) : IMethod
    {
        public TraceColumns Carried { get; private set; }
        public string Name => inner.Name;
        public long? PlannedSteps => inner.PlannedSteps;
        public TraceColumns TraceColumns => inner.TraceColumns;
        public IMethodState Start(Iterate start, Oracle oracle) => new State(this, inner.Start(start, oracle));

        private sealed class State(Watched owner, IMethodState inner) : IMethodState
        {
            public StepReport Step(Iterate iterate, Oracle oracle)
            {
                var report = inner.Step(iterate, oracle);
                if (report.Note is not null) owner.Carried |= TraceColumns.Note;
                if (report.OptimalValueEstimate is not null) owner.Carried |= TraceColumns.OptimalValueEstimate;
                if (report.PredictedValue is not null) owner.Carried |= TraceColumns.Prediction;
                return report;
            }

            public MethodMemory Save() => inner.Save();
            public void Restore(MethodMemory memory) => inner.Restore(memory);
        }
    }
}
