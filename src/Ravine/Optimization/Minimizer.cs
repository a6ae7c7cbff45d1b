using System.Diagnostics;
using Ravine.Objectives;
using static System.FormattableString;

namespace Ravine.Optimization;

/// <summary>
/// The one iteration loop every method runs in: it evaluates the start, asks the method for steps, counts
/// oracle calls, records the trace, tracks the best point and applies the stop criteria of <see cref="MinimizeOptions"/>;
/// the rest of a run's bookkeeping (held-out data, the diagnosis of a blow-up) is done by monitors it builds from the options.
/// </summary>
public static class Minimizer
{
    /// <summary>Minimizes <paramref name="objective"/> from <paramref name="x0"/> with <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException">x0 has the wrong length or a non-finite entry.</exception>
    /// <exception cref="ObjectiveException">The objective threw; the partial result is attached.</exception>
    public static MinimizeResult Minimize(IObjective objective, ReadOnlySpan<double> x0, IMethod method, MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(method);
        if (x0.Length != objective.Dimension)
            throw new ArgumentException($"The start point has length {x0.Length} but the objective has dimension {objective.Dimension}.", nameof(x0));
        for (int i = 0; i < x0.Length; i++)
            if (!double.IsFinite(x0[i]))
                throw new ArgumentException($"The start point has a non-finite entry x0[{i}] = {x0[i]}.", nameof(x0));
        return new Run(objective, method, options ?? MinimizeOptions.Default).Start(x0);
    }

    /// <summary>
    /// Continues a run from a checkpoint (from <see cref="MinimizeResult.Checkpoint"/> or a periodic one) with the same
    /// objective and method settings. No oracle call is repeated, so the trace equals that of an uninterrupted run.
    /// The iteration and oracle-call limits of <paramref name="options"/> count from the original start.
    /// </summary>
    /// <exception cref="ArgumentException">The checkpoint does not fit the objective or the method.</exception>
    /// <exception cref="FormatException">The checkpoint's method state is missing or malformed.</exception>
    public static MinimizeResult Resume(IObjective objective, IMethod method, RunCheckpoint checkpoint, MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(checkpoint);
        checkpoint.CheckFits(objective.Dimension, method.Name);
        return new Run(objective, method, options ?? MinimizeOptions.Default).Resume(checkpoint);
    }

    private sealed class Run
    {
        private readonly IMethod _method;
        private readonly MinimizeOptions _options;
        private readonly IKnowsDistanceToSolutions? _distance;
        private readonly double _optimalValue;
        private readonly Oracle _oracle;
        private readonly Iterate _iterate;
        private readonly BestPoint _best;
        private readonly RunMonitor[] _monitors;
        private readonly long _maxIterations;
        private readonly int _traceCapacity;
        private Trace _trace;
        private IMethodState? _state;
        private long _iteration;
        private double _longestStep;
        private double _startValue, _startGradientNorm;
        private long _startTimestamp;
        private bool _started;

        public Run(IObjective objective, IMethod method, MinimizeOptions options)
        {
            _method = method;
            _options = options;
            _distance = options.RecordDistance ? objective as IKnowsDistanceToSolutions : null;
            _optimalValue = options.OptimalValue ?? (objective as IKnowsOptimalValue)?.OptimalValue ?? double.NaN;
            _oracle = new Oracle(objective);
            _iterate = new Iterate(objective.Dimension);
            _best = new BestPoint(objective.Dimension);
            // A method with its own budget ends the run itself, with the truer reason MethodCompleted.
            _maxIterations = options.MaxIterations ?? (method.PlannedSteps is null ? MinimizeOptions.DefaultMaxIterations : long.MaxValue);
            // The trace is sized for the rows the run can write, not only for a method's plan: a plan of billions of steps
            // would size a trace of gigabytes for a run of a few thousand calls.
            long planned = Math.Min(Math.Min(_maxIterations, method.PlannedSteps ?? 1023), CallBudgetRows(options.MaxOracleCalls));
            _traceCapacity = options.RecordTrace ? (int)Math.Min(planned, 1 << 24) + 1 : 0;
            _monitors = RunMonitor.For(options, objective.Dimension);
            _trace = new Trace(_traceCapacity, RunMonitor.TraceColumnsOf(method, _monitors));
        }

        public MinimizeResult Start(ReadOnlySpan<double> x0)
        {
            _startTimestamp = Stopwatch.GetTimestamp();
            x0.CopyTo(_iterate.X);
            _best.StartAt(x0);
            return Guard(() =>
            {
                _oracle.Evaluate(_iterate);
                _startValue = _iterate.Value;
                _startGradientNorm = _iterate.GradientNorm;
                _started = true;
                foreach (var monitor in _monitors) monitor.Started(_iterate);
                Record(0, StepKind.Start);
                // The state exists even when the run stops at once: a run cancelled before its first step must leave
                // a checkpoint that resumes (no method makes an oracle call when it starts).
                _state = _method.Start(_iterate, _oracle);
                return ObserveAndCheck(0, StepKind.Start) ?? Loop();
            });
        }

        public MinimizeResult Resume(RunCheckpoint checkpoint)
        {
            _startTimestamp = Stopwatch.GetTimestamp() - (long)(checkpoint.ElapsedSeconds * Stopwatch.Frequency);
            checkpoint.X.CopyTo(_iterate.X);
            checkpoint.Gradient.CopyTo(_iterate.GradientStorage);
            _iterate.Value = checkpoint.Value;
            _iterate.GradientNormSquared = System.Numerics.Tensors.TensorPrimitives.Dot(checkpoint.Gradient, checkpoint.Gradient);
            _best.Restore(checkpoint);
            (_iteration, _longestStep) = (checkpoint.Iteration, checkpoint.LongestStep);
            (_startValue, _startGradientNorm) = (checkpoint.StartValue, checkpoint.StartGradientNorm);
            _oracle.Calls = checkpoint.OracleCalls;
            if (_options.RecordTrace) _trace = checkpoint.Trace.Copy(_traceCapacity, _trace.Columns);
            _started = true;
            foreach (var monitor in _monitors)
                monitor.Resumed(_iterate, _iteration, monitor.StateName is { } name ? checkpoint.MonitorStates?.GetValueOrDefault(name) : null);
            _state = _method.Start(_iterate, _oracle);
            _state.Restore(checkpoint.MethodState);
            // A run cancelled at its last allowed iteration must not take one more step when resumed.
            return Guard(() => CheckLimits() ?? Loop());
        }

        private (StopReason reason, string message) Loop()
        {
            while (true)
            {
                foreach (var monitor in _monitors) monitor.BeforeStep(_iterate);
                StepReport report = _state!.Step(_iterate, _oracle);
                if (!report.Taken) return StopCriteria.Declined(report, _iterate, _startGradientNorm);
                _iteration++;
                foreach (var monitor in _monitors) report = monitor.AfterStep(_iterate, _iteration, report);
                // A rejected step was undone: it is no step of the run's path, and no longest step.
                if (report.Kind != StepKind.Rejected && report.Stepsize > _longestStep) _longestStep = report.Stepsize;
                Record(report.Stepsize, report.Kind, report.Note, report.OptimalValueEstimate, report.PredictedValue);
                var stop = ObserveAndCheck(report.Stepsize, report.Kind);
                // A method that finishes its own budget on the very step a limit is reached reports the truer reason; so
                // does one cancelled on that step: it is complete, and a resume could not know the method was done.
                if (report.Stop is StopReason after && stop?.Item1 is null or StopReason.MaxIterations or StopReason.MaxOracleCalls or StopReason.TimeLimit or StopReason.Cancelled)
                    return (after, report.Message ?? after.ToString());
                if (stop is not null) return stop.Value;
                foreach (var monitor in _monitors)
                    if (monitor.Stop() is { } monitorStop) return monitorStop;
                if (_options.CheckpointInterval > 0 && _iteration % _options.CheckpointInterval == 0 && _options.CheckpointSink is { } sink)
                    sink(Capture());
            }
        }

        private MinimizeResult Guard(Func<(StopReason reason, string message)> body)
        {
            (StopReason reason, string message) stop;
            try
            {
                stop = body();
            }
            catch (Exception e) when (e is not ObjectiveException)
            {
                MinimizeResult? partial = _started
                    ? BuildResult(StopReason.ObjectiveFailed, $"The objective threw {e.GetType().Name}: {e.Message}", false, _best.ToPoint(), null)
                    : null;
                throw new ObjectiveException(_started ? _iteration + 1 : 0, _oracle.Calls, e, partial);
            }
            var checkpoint = stop.reason.IsFailure() ? null : Capture();
            (bool converged, string? why) = Certification.Certify(stop.reason, _options, _iterate.Value, _startValue, _optimalValue);
            if (why is not null) stop.message += " " + why;
            if (_state?.Caveat is { } caveat) stop.message += " " + caveat;
            return BuildResult(stop.reason, stop.message, converged, new(_iterate.X.ToArray(), _iterate.Value, _iterate.Gradient.ToArray()), checkpoint);
        }

        private RunCheckpoint Capture()
        {
            Dictionary<string, IReadOnlyDictionary<string, double[]>>? monitorStates = null;
            foreach (var monitor in _monitors)
                if (monitor.StateName is { } name && monitor.SaveState() is { } state)
                    (monitorStates ??= [])[name] = state;
            return new RunCheckpoint
            {
                Method = _method.Name, X = _iterate.X.ToArray(), Value = _iterate.Value, Gradient = _iterate.Gradient.ToArray(),
                Iteration = _iteration, OracleCalls = _oracle.Calls, BestX = _best.CopyX(), BestGradient = _best.CopyGradient(), BestValue = _best.Value,
                BestIteration = _best.Iteration, LongestStep = _longestStep, StartValue = _startValue, StartGradientNorm = _startGradientNorm,
                ElapsedSeconds = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, MethodState = _state?.Save() ?? MethodMemory.None, Trace = _trace,
                MonitorStates = monitorStates,
            };
        }

        private void Record(double stepsize, StepKind kind, string? note = null, double? estimate = null, double? predicted = null)
        {
            double f = _iterate.Value;
            _best.Offer(_iterate, _iteration);
            if (!_options.RecordTrace) return;
            double distance = _distance is null ? double.NaN : _distance.DistanceToSolutions(_iterate.X);
            // A trace row's iteration is an int: a trace of 2³¹ rows (over 100 GB) is beyond any run that records one.
            _trace.Add(new TraceRow((int)_iteration, _oracle.Calls, f, f - _optimalValue, _iterate.GradientNorm, stepsize, kind,
                distance, Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, note, estimate ?? double.NaN, predicted ?? double.NaN));
        }

        private (StopReason, string)? ObserveAndCheck(double stepsize, StepKind kind)
        {
            if (StopCriteria.NonFinite(_iterate, _iteration) is { } nonFinite)
                return nonFinite.Reason == StopReason.NonFiniteValue ? (nonFinite.Reason, nonFinite.Message + " " + ExplainBlowUp(kind, stepsize)) : nonFinite;
            if (_options.Observer is { } observer)
            {
                var info = new IterationInfo(_iteration, _oracle.Calls, _iterate.Value, _iterate.Value - _optimalValue, _iterate.GradientNorm,
                    stepsize, kind, Stopwatch.GetElapsedTime(_startTimestamp), _iterate.X, _iterate.Gradient);
                if (observer(in info) == ObserverAction.Stop)
                    return (StopReason.Callback, $"The observer stopped the run at iteration {_iteration}.");
            }
            if (StopCriteria.Reached(_options, _iterate, _iteration, _startValue, _startGradientNorm, _optimalValue) is { } reached)
                return reached;
            if (StopCriteria.Diverged(_options, _iterate.Value, _startValue) is { } diverged)
                return (diverged.Reason, diverged.Message + " " + ExplainBlowUp(kind, stepsize));
            if (_options.CancellationToken.IsCancellationRequested)
                return (StopReason.Cancelled, $"Cancelled at iteration {_iteration}.");
            return CheckLimits();
        }

        private (StopReason, string)? CheckLimits()
        {
            if (_options.TimeLimit != TimeSpan.MaxValue && Stopwatch.GetElapsedTime(_startTimestamp) >= _options.TimeLimit)
                return (StopReason.TimeLimit, $"The time limit {_options.TimeLimit} passed at iteration {_iteration}.");
            if (_iteration >= _maxIterations)
                return (StopReason.MaxIterations, $"Reached the iteration limit {_maxIterations}.");
            if (_oracle.Calls >= _options.MaxOracleCalls)
                return (StopReason.MaxOracleCalls, $"Reached the oracle-call limit {_options.MaxOracleCalls}.");
            return null;
        }

        private string ExplainBlowUp(StepKind kind, double stepsize)
        {
            foreach (var monitor in _monitors)
                if (monitor.ExplainBlowUp(kind, stepsize) is { } cause) return cause;
            return "";
        }

        // The start and one row per call, plus the rows without a call (rolled-back steps, fewer than the calls);
        // a trace that still fills up grows, so this only decides how much is allocated up front.
        private static long CallBudgetRows(long maxOracleCalls) => maxOracleCalls >= long.MaxValue / 2 ? long.MaxValue : 2 * maxOracleCalls + 1;

        private MinimizeResult BuildResult(StopReason reason, string message, bool converged, MinimizeResult.Point final, RunCheckpoint? checkpoint)
        {
            var outcome = new RunOutcome(_best.ToPoint(), _best.Iteration);
            foreach (var monitor in _monitors) monitor.Complete(outcome);
            return new(_method.Name, outcome, final, _iteration, _oracle.Calls, reason, message, converged,
                Stopwatch.GetElapsedTime(_startTimestamp), _longestStep, _optimalValue, _trace, checkpoint)
            {
                Caveat = _state?.Caveat,
                OptimalValueDoubt = _state?.OptimalValueDoubt ?? OptimalValueDoubt.None,
            };
        }
    }
}
