using System.Diagnostics;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// Runs an <see cref="ExperimentPlan"/>: every problem × method, each from the seeded instance's start, GDPolyak for
/// its epochs and every other method for K·epochs iterations, as the paper compares them; and single <see cref="RunPlan"/>s.
/// </summary>
public static class Runner
{
    /// <summary>
    /// Runs the plan and returns its runs in plan order (problem-major). When <paramref name="cancellationToken"/>
    /// fires, runs under way stop with <see cref="StopReason.Cancelled"/> and keep their partial traces, runs not yet
    /// started are left out, and what ran is returned.
    /// </summary>
    /// <exception cref="ArgumentException">The plan names an unknown problem or method.</exception>
    public static IReadOnlyList<RunRecord> Run(ExperimentPlan plan, IExperimentObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunScheduler.Run(plan.Keys(), plan.MaxParallelRuns, (key, cancellation) => RunOne(plan, key, observer, cancellation),
            cancellationToken: cancellationToken).OfType<RunRecord>().ToArray();
    }

    /// <summary>Runs one problem × method of the plan (<see cref="RunSpec.For"/>).</summary>
    public static RunRecord RunOne(ExperimentPlan plan, ExperimentKey key, IExperimentObserver? observer = null, CancellationToken cancellationToken = default) =>
        Run(RunSpec.For(plan, key), observer, cancellationToken);

    /// <summary>
    /// Runs a single <see cref="RunPlan"/> (one method on one instance, generated or loaded from a folder) exactly as
    /// an experiment's runs go: same observer calls, same result, so the same files and figures can be made from it.
    /// </summary>
    public static RunRecord Run(RunPlan plan, IExperimentObserver? observer = null, CancellationToken cancellationToken = default) =>
        Run(plan, observer, cancellationToken, checkpointing: null);

    /// <summary>
    /// Runs a single <see cref="RunPlan"/> as <see cref="Run(RunPlan, IExperimentObserver?, CancellationToken)"/> does,
    /// keeping a checkpoint file as <paramref name="checkpointing"/> says: written every
    /// <see cref="RunCheckpointing.Interval"/> iterations and at a cancellation, deleted when the run ends otherwise.
    /// With <see cref="RunCheckpointing.ResumeFrom"/> set, the run continues from there, and its trace equals that of
    /// a run never interrupted (but for the seconds column).
    /// </summary>
    /// <remarks>
    /// The run goes through <see cref="RunScheduler"/> as every command's runs do, alone and on the calling thread; it
    /// starts even when <paramref name="cancellationToken"/> has already fired, and then stops at its start, cancelled.
    /// </remarks>
    public static RunRecord Run(RunPlan plan, IExperimentObserver? observer, CancellationToken cancellationToken, RunCheckpointing? checkpointing)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunScheduler.Run([plan.Spec], maxParallelRuns: 1, (spec, cancellation) => Run(spec, observer, cancellation, checkpointing),
            cancellationToken: cancellationToken, startCancelled: true)[0]!;
    }

    /// <summary>
    /// The record of a run of <paramref name="spec"/> that has ended (or failed with <paramref name="result"/> its
    /// partial result): everything its outputs show is measured here, once, on the run's own instance, whose (not
    /// thread-safe) buffers are then free.
    /// </summary>
    internal static RunRecord Finished(RunSpec spec, MinimizeResult result, RunObservations? observations, string? traceFile)
    {
        var problem = spec.Problem;
        return new(spec.Key, problem.Title, spec.Arguments, spec.Seed, spec.Budget, result)
        {
            Published = spec.Published,
            ProblemOptimalValue = problem.OptimalValue,
            Observations = observations,
            TraceFile = traceFile,
            SingleNeuronSplit = problem is SingleNeuron neuron ? Paper.SingleNeuronSurrogate.Split(neuron, result.X) : double.NaN,
            TrainAccuracy = AccuracyAt(problem, result.X, train: true),
            TestAccuracy = AccuracyAt(problem, result.X, train: false),
        };
    }

    private static double AccuracyAt(ITestProblem problem, double[] x, bool train) => problem switch
    {
        IKnowsAccuracy classifier => train ? classifier.TrainAccuracy(x) : classifier.TestAccuracy(x),
        _ => double.NaN,
    };

    /// <summary>
    /// Runs <paramref name="spec"/>, telling <paramref name="observer"/> how it goes; with <paramref name="checkpointing"/>,
    /// around a checkpoint file and a growing trace CSV (<see cref="CheckpointedCourse"/>).
    /// </summary>
    public static RunRecord Run(RunSpec spec, IExperimentObserver? observer = null, CancellationToken cancellationToken = default, RunCheckpointing? checkpointing = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (key, problem, budget) = (spec.Key, spec.Problem, spec.Budget);
        long every = Math.Max(1, budget / 100);
        observer?.RunStarted(key, budget);
        var observations = new RunObservations(problem, budget);
        using var course = RunCourse.For(checkpointing, observations);
        // Its baseline is the first iteration seen: the start, or where a resumed run continues.
        var estimate = new RunTimeEstimate();
        TimeSpan observing = default;
        var options = new MinimizeOptions
        {
            MaxIterations = budget,
            CancellationToken = cancellationToken,
            Observer = (in IterationInfo info) =>
            {
                // info.Elapsed holds the observing of the iterations before this one, which is what has been added up.
                if (estimate.Done)
                    observations.Observe(in info);
                else
                {
                    if (estimate.Observe(info.Iteration, info.Elapsed, observing) is { } window)
                        observer?.Estimated(key, window.Iterations, window.Elapsed, budget - info.Iteration);
                    long observed = Stopwatch.GetTimestamp();
                    observations.Observe(in info);
                    observing += Stopwatch.GetElapsedTime(observed);
                }
                if (observer is not null && info.Iteration % every == 0) observer.Progress(key, info.Iteration, info.Gap);
                return ObserverAction.Continue;
            },
        };
        options = course.Configure(options);
        if (spec.Stops is not null) options = spec.Stops(options);
        MinimizeResult result;
        try
        {
            result = course.Minimize(spec, options);
        }
        catch (ObjectiveException e) when (e.PartialResult is { } partial)
        {
            course.Failed(partial);
            observer?.RunFinished(Finished(spec, partial, observations, course.TraceFile));
            throw;
        }
        course.Ended(result);
        var run = Finished(spec, result, observations, course.TraceFile);
        observer?.RunFinished(run);
        course.Recorded();
        return run;
    }
}
