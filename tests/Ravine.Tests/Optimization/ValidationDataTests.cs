using Ravine.IO;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Optimization;

/// <summary>A validation objective (held-out data): long steps that raise its loss are rolled back, early stopping returns its best point.</summary>
public class ValidationDataTests
{
    // Noisy quadratic sensing, 20% held out (250 of 1,250): the training minimizer is not the truth.
    private static readonly Lazy<QuadraticSensing> Noisy = new(() => QuadraticSensing.Generate(3407, heldOut: 250, noise: 0.01));

    private static MinimizeResult EarlyStopped() => Minimizer.Minimize(Noisy.Value, Noisy.Value.Start, new GdPolyak(0.05, 300, 50, null),
        new MinimizeOptions { Validation = Noisy.Value.HeldOut, Patience = 5 });

    [Fact]
    public void Noisy_sensing_without_f_star_and_held_out_data_is_generated_with_f_star_unknown()
    {
        Assert.True(double.IsNaN(Noisy.Value.OptimalValue));
        Assert.Equal(250, Noisy.Value.HeldOut!.MeasurementCount);
        // Without noise and held-out data the instance is the published one.
        Assert.Equal(QuadraticSensing.Generate(3407).Y, QuadraticSensing.Generate(3407, heldOut: 0, noise: 0).Y);
    }

    [Fact]
    public void Early_stopping_on_noisy_sensing_returns_a_point_within_10_percent_of_the_best_distance_seen_with_fewer_calls_than_the_budget()
    {
        var result = EarlyStopped();
        Assert.Equal(StopReason.EarlyStopping, result.StopReason);
        double best = result.Trace.Distance.ToArray().Min();
        double returned = Noisy.Value.DistanceToSolutions(result.X);
        Assert.True(returned <= 1.1 * best, $"returned {returned}, best along the run {best}");
        Assert.True(result.OracleCalls < 50 * 301, $"{result.OracleCalls} calls");
        Assert.Equal(result.ValidationValue, Noisy.Value.HeldOut!.Evaluate(result.X, new double[result.X.Length]));
    }

    [Fact]
    public void A_long_step_that_raises_the_validation_loss_is_rolled_back_to_the_point_before_it()
    {
        var t = EarlyStopped().Trace;
        int row = Enumerable.Range(1, t.Count - 1).First(i => t.Note[i] == "validation");
        Assert.Equal(StepKind.Rejected, t.Kind[row]);
        Assert.Equal(t.Value[row - 1], t.Value[row]);
        Assert.Equal(t.Distance[row - 1], t.Distance[row]);
    }

    [Fact]
    public void A_run_with_validation_resumes_to_the_uninterrupted_result()
    {
        var problem = QuadraticSensing.Generate(7, dimension: 10, rank: 1, width: 2, measurements: 60, heldOut: 20, noise: 0.05);
        var method = new GdPolyak(0.02, 20, 30, null);
        var options = new MinimizeOptions { Validation = problem.HeldOut, Patience = 4, ValidationInterval = 7 };
        var reference = Minimizer.Minimize(problem, problem.Start, method, options);
        using var cancellation = new CancellationTokenSource();
        var first = Minimizer.Minimize(problem, problem.Start, method, options with
        {
            CancellationToken = cancellation.Token,
            Observer = (in IterationInfo info) =>
            {
                if (info.Iteration >= reference.Iterations / 2) cancellation.Cancel();
                return ObserverAction.Continue;
            },
        });
        using var stream = new MemoryStream();
        RunCheckpointJson.Write(first.Checkpoint!, stream);
        stream.Position = 0;
        var resumed = Minimizer.Resume(problem, method, RunCheckpointJson.Read(stream), options);
        Assert.Equal(reference.StopReason, resumed.StopReason);
        Assert.Equal(reference.X, resumed.X);
        Assert.Equal(reference.ValidationEvaluations, resumed.ValidationEvaluations);
        Assert.True(reference.Trace.NumericallyIdentical(resumed.Trace));
    }

    [Fact]
    public void A_validation_objective_of_another_dimension_is_refused()
    {
        var problem = new QuarticRosenbrock();
        Assert.Throws<ArgumentException>(() => Minimizer.Minimize(problem, problem.Start, new GradientDescent(0.01),
            new MinimizeOptions { Validation = Noisy.Value.HeldOut }));
    }

    [Fact]
    public void Validating_and_the_safeguard_allocate_nothing_per_iteration()
    {
        var problem = QuadraticSensing.Generate(7, dimension: 10, rank: 1, width: 2, measurements: 60, heldOut: 20, noise: 0.05);
        long Allocated(int iterations)
        {
            var options = new MinimizeOptions { Validation = problem.HeldOut, ValidationInterval = 3, MaxIterations = iterations, RecordTrace = false };
            var method = new GdPolyak(0.02, 10, 1000, null);
            return AllocationMeasurement.AllocatedBy(() => Minimizer.Minimize(problem, problem.Start, method, options));
        }
        long shorter = Allocated(100), longer = Allocated(400);
        Assert.True(Math.Abs(longer - shorter) <= 64, $"100 iterations: {shorter} B, 400 iterations: {longer} B");
    }
}
