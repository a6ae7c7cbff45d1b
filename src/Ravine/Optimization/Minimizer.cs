using System.Diagnostics;
using Ravine.Objectives;
using static System.FormattableString;

namespace Ravine.Optimization;

/// <summary>
/// The one iteration loop every method runs in: it evaluates the start, asks the method for steps, counts
/// oracle calls, records the trace, tracks the best point and applies the stop criteria of <see cref="MinimizeOptions"/>.
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
        if (checkpoint.Method != method.Name)
            throw new ArgumentException($"The checkpoint is of method '{checkpoint.Method}', not '{method.Name}'.", nameof(checkpoint));
        int n = objective.Dimension;
        if (checkpoint.X.Length != n || checkpoint.Gradient.Length != n || checkpoint.BestX.Length != n
            || checkpoint.BestGradient is { Length: var bestLength } && bestLength != n)
            throw new ArgumentException($"The checkpoint's point has length {checkpoint.X.Length} but the objective has dimension {n}.", nameof(checkpoint));
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
        private readonly double[] _bestX, _bestGradient;
        private readonly long _maxIterations;
        private readonly int _traceCapacity;
        private Trace _trace;
        private IMethodState? _state;
        private double _bestValue = double.PositiveInfinity;
        private long _bestIteration;
        private long _iteration;
        private double _longestStep;
        // The last long step that raised f, for the divergence message: (its iteration, size, f before, f after), or iteration −1.
        private (long Iteration, double Stepsize, double Before, double After) _raisingLongStep = (-1, 0, 0, 0);
        private double _startValue, _startGradientNorm;
        private long _startTimestamp;
        private bool _started;

        // Validation (MinimizeOptions.Validation): all allocated once, here; nothing per iteration.
        private readonly IObjective? _validation;
        private readonly Iterate? _previous;
        private readonly double[] _validationGradient = [], _bestValidationX = [], _bestValidationGradient = [];
        private double _bestValidation = double.PositiveInfinity, _bestValidationF, _lastValidation = double.NaN;
        private long _bestValidationIteration, _lastValidationIteration = -1, _validationEvaluations;
        private int _sinceImprovement;

        public Run(IObjective objective, IMethod method, MinimizeOptions options)
        {
            _method = method;
            _options = options;
            _distance = options.RecordDistance ? objective as IKnowsDistanceToSolutions : null;
            _optimalValue = options.OptimalValue ?? (objective as IKnowsOptimalValue)?.OptimalValue ?? double.NaN;
            _oracle = new Oracle(objective);
            _iterate = new Iterate(objective.Dimension);
            _bestX = new double[objective.Dimension];
            _bestGradient = new double[objective.Dimension];
            Array.Fill(_bestGradient, double.NaN);
            // A method with its own budget ends the run itself, with the truer reason MethodCompleted.
            _maxIterations = options.MaxIterations ?? (method.PlannedSteps is null ? MinimizeOptions.DefaultMaxIterations : long.MaxValue);
            // The trace is sized for the rows the run can write, not only for a method's plan: a plan of billions of steps
            // would size a trace of gigabytes for a run of a few thousand calls.
            long planned = Math.Min(Math.Min(_maxIterations, method.PlannedSteps ?? 1023), CallBudgetRows(options.MaxOracleCalls));
            _traceCapacity = options.RecordTrace ? (int)Math.Min(planned, 1 << 24) + 1 : 0;
            _trace = new Trace(_traceCapacity);
            if (options.Validation is { } validation)
            {
                if (validation.Dimension != objective.Dimension)
                    throw new ArgumentException($"The validation objective has dimension {validation.Dimension} but the objective has {objective.Dimension}.", nameof(options));
                _validation = validation;
                _previous = new Iterate(objective.Dimension);
                _validationGradient = new double[objective.Dimension];
                _bestValidationX = new double[objective.Dimension];
                _bestValidationGradient = new double[objective.Dimension];
            }
        }

        public MinimizeResult Start(ReadOnlySpan<double> x0)
        {
            _startTimestamp = Stopwatch.GetTimestamp();
            x0.CopyTo(_iterate.X);
            // The start is the point of record until a finite f improves on it.
            x0.CopyTo(_bestX);
            return Guard(() =>
            {
                _oracle.Evaluate(_iterate);
                _startValue = _iterate.Value;
                _startGradientNorm = _iterate.GradientNorm;
                _started = true;
                if (_validation is not null) Validated(EvaluateValidation());
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
            checkpoint.BestX.CopyTo(_bestX, 0);
            if (checkpoint.BestGradient is { } bestGradient) bestGradient.CopyTo(_bestGradient, 0);
            else if (checkpoint.BestIteration == checkpoint.Iteration) checkpoint.Gradient.CopyTo(_bestGradient, 0);
            (_bestValue, _bestIteration, _iteration, _longestStep) = (checkpoint.BestValue, checkpoint.BestIteration, checkpoint.Iteration, checkpoint.LongestStep);
            (_startValue, _startGradientNorm) = (checkpoint.StartValue, checkpoint.StartGradientNorm);
            _oracle.Calls = checkpoint.OracleCalls;
            if (_options.RecordTrace) _trace = checkpoint.Trace.Copy(_traceCapacity);
            _started = true;
            if (_validation is not null) RestoreValidation(checkpoint.ValidationState);
            _state = _method.Start(_iterate, _oracle);
            _state.Restore(checkpoint.MethodState);
            // A run cancelled at its last allowed iteration must not take one more step when resumed.
            return Guard(() => CheckLimits() ?? Loop());
        }

        private void RestoreValidation(IReadOnlyDictionary<string, double[]>? state)
        {
            // A checkpoint of a run without validation: start validating from here.
            if (state is null)
            {
                Validated(EvaluateValidation());
                return;
            }
            if (!state.TryGetValue("values", out var v) || v.Length != 7 || !state.TryGetValue("bestX", out var x) || x.Length != _bestValidationX.Length
                || !state.TryGetValue("bestGradient", out var g) || g.Length != _bestValidationGradient.Length)
                throw new FormatException("The checkpoint's validation state is malformed.");
            (_bestValidation, _bestValidationF, _bestValidationIteration, _sinceImprovement, _validationEvaluations, _lastValidation, _lastValidationIteration) =
                (v[0], v[1], (long)v[2], (int)v[3], (long)v[4], v[5], (long)v[6]);
            x.CopyTo(_bestValidationX, 0);
            g.CopyTo(_bestValidationGradient, 0);
        }

        private (StopReason reason, string message) Loop()
        {
            while (true)
            {
                double before = _iterate.Value;
                _previous?.CopyFrom(_iterate);
                StepReport report = _state!.Step(_iterate, _oracle);
                if (!report.Taken)
                    return AtGradientFloor(report.Stop)
                        ? (StopReason.WorkingPrecision, Invariant($"No further decrease at working precision: the line search found no f below {_iterate.Value:g6} with ‖∇f‖ = {_iterate.GradientNorm:g3}, {_iterate.GradientNorm / _startGradientNorm:g2} × ‖∇f(x₀)‖ (below √ε); f is at its round-off floor."))
                        : (report.Stop ?? StopReason.MethodCompleted, report.Message ?? "The method stopped.");
                _iteration++;
                if (_validation is not null) report = Validate(report);
                // A rejected long step was undone: it is no step of the run's path, and no longest step.
                if (report.Kind != StepKind.Rejected && report.Stepsize > _longestStep) _longestStep = report.Stepsize;
                Record(report.Stepsize, report.Kind, report.Note, report.OptimalValueEstimate);
                if (report.Kind == StepKind.Long)
                    _raisingLongStep = !(_iterate.Value <= before) ? (_iteration, report.Stepsize, before, _iterate.Value) : (-1, 0, 0, 0);
                var stop = ObserveAndCheck(report.Stepsize, report.Kind);
                // A method that finishes its own budget on the very step a limit is reached reports the truer reason; so
                // does one cancelled on that step: it is complete, and a resume could not know the method was done.
                if (report.Stop is StopReason after && stop?.Item1 is null or StopReason.MaxIterations or StopReason.MaxOracleCalls or StopReason.TimeLimit or StopReason.Cancelled)
                    return (after, report.Message ?? after.ToString());
                if (stop is not null) return stop.Value;
                if (_options.Patience > 0 && _sinceImprovement >= _options.Patience)
                    return (StopReason.EarlyStopping, Invariant($"The validation loss has not improved on {_bestValidation:g6} (iteration {_bestValidationIteration}) in {_sinceImprovement} evaluations; the result is that point."));
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
                    ? BuildResult(StopReason.ObjectiveFailed, $"The objective threw {e.GetType().Name}: {e.Message}", false,
                        new((double[])_bestX.Clone(), _bestValue, (double[])_bestGradient.Clone()), null)
                    : null;
                throw new ObjectiveException(_started ? _iteration + 1 : 0, _oracle.Calls, e, partial);
            }
            var checkpoint = stop.reason.IsFailure() ? null : Capture();
            (bool converged, string? why) = Certify(stop.reason);
            if (why is not null) stop.message += " " + why;
            return BuildResult(stop.reason, stop.message, converged, new(_iterate.X.ToArray(), _iterate.Value, _iterate.Gradient.ToArray()), checkpoint);
        }

        // After a long step the validation loss must not have risen: held-out data judge whether the step moved toward the
        // truth or only further into the training data (with noisy data the two part ways). Other steps are judged only
        // for the point of record and early stopping.
        private StepReport Validate(StepReport report)
        {
            if (report.Kind == StepKind.Long)
            {
                double before = _lastValidationIteration == _iteration - 1 ? _lastValidation : EvaluateValidation(_previous!.X);
                double after = EvaluateValidation();
                if (!(after <= before))
                {
                    _iterate.CopyFrom(_previous!);
                    report = report with { Kind = StepKind.Rejected, Note = ValidationNote };
                    after = before;
                }
                Validated(after);
            }
            else if (_options.ValidationInterval > 0 && _iteration % _options.ValidationInterval == 0)
                Validated(EvaluateValidation());
            return report;
        }

        /// <summary>The trace note of a long step rolled back because the validation loss rose.</summary>
        private const string ValidationNote = "validation";

        private double EvaluateValidation() => EvaluateValidation(_iterate.X);

        private double EvaluateValidation(ReadOnlySpan<double> x)
        {
            _validationEvaluations++;
            return _validation!.Evaluate(x, _validationGradient);
        }

        // The validation loss at the current iterate: the point of record and the patience count follow it.
        private void Validated(double value)
        {
            (_lastValidation, _lastValidationIteration) = (value, _iteration);
            if (value < _bestValidation)
            {
                (_bestValidation, _bestValidationF, _bestValidationIteration, _sinceImprovement) = (value, _iterate.Value, _iteration, 0);
                _iterate.X.CopyTo(_bestValidationX);
                _iterate.Gradient.CopyTo(_bestValidationGradient);
            }
            else
                _sinceImprovement++;
        }

        private RunCheckpoint Capture()
        {
            var methodState = new Dictionary<string, double[]>();
            _state?.Save(methodState);
            return new RunCheckpoint
            {
                Method = _method.Name, X = _iterate.X.ToArray(), Value = _iterate.Value, Gradient = _iterate.Gradient.ToArray(),
                Iteration = _iteration, OracleCalls = _oracle.Calls, BestX = (double[])_bestX.Clone(), BestGradient = (double[])_bestGradient.Clone(), BestValue = _bestValue,
                BestIteration = _bestIteration, LongestStep = _longestStep, StartValue = _startValue, StartGradientNorm = _startGradientNorm,
                ElapsedSeconds = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, MethodState = methodState, Trace = _trace,
                ValidationState = _validation is null ? null : new Dictionary<string, double[]>
                {
                    ["values"] = [_bestValidation, _bestValidationF, _bestValidationIteration, _sinceImprovement, _validationEvaluations, _lastValidation, _lastValidationIteration],
                    ["bestX"] = (double[])_bestValidationX.Clone(),
                    ["bestGradient"] = (double[])_bestValidationGradient.Clone(),
                },
            };
        }

        private void Record(double stepsize, StepKind kind, string? note = null, double? estimate = null)
        {
            double f = _iterate.Value;
            if (f < _bestValue)
            {
                _bestValue = f;
                _bestIteration = _iteration;
                _iterate.X.CopyTo(_bestX);
                _iterate.Gradient.CopyTo(_bestGradient);
            }
            if (!_options.RecordTrace) return;
            double distance = _distance is null ? double.NaN : _distance.DistanceToSolutions(_iterate.X);
            // A trace row's iteration is an int: a trace of 2³¹ rows (over 100 GB) is beyond any run that records one.
            _trace.Add(new TraceRow((int)_iteration, _oracle.Calls, f, f - _optimalValue, _iterate.GradientNorm, stepsize, kind,
                distance, Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, note, estimate ?? double.NaN));
        }

        private (StopReason, string)? ObserveAndCheck(double stepsize, StepKind kind)
        {
            double f = _iterate.Value;
            double gnorm = _iterate.GradientNorm;
            if (double.IsNaN(f) || double.IsInfinity(f))
                return (StopReason.NonFiniteValue, $"f = {f} at iteration {_iteration}; the best finite point is kept. {LikelyCause(kind, stepsize)}");
            if (!double.IsFinite(_iterate.GradientNormSquared) && !AllFinite(_iterate.Gradient))
                return (StopReason.NonFiniteGradient, $"The gradient has a non-finite entry at iteration {_iteration}; the best finite point is kept.");
            if (_options.Observer is { } observer)
            {
                var info = new IterationInfo(_iteration, _oracle.Calls, f, f - _optimalValue, gnorm, stepsize, kind,
                    Stopwatch.GetElapsedTime(_startTimestamp), _iterate.X, _iterate.Gradient);
                if (observer(in info) == ObserverAction.Stop)
                    return (StopReason.Callback, $"The observer stopped the run at iteration {_iteration}.");
            }
            if (_iterate.GradientNormSquared == 0 && AllZero(_iterate.Gradient))
                return (StopReason.Stationary, $"∇f = 0 at iteration {_iteration}: an exact stationary point.");
            if (_options.GapTolerance > 0 && f - _optimalValue <= _options.GapTolerance)
                return (StopReason.GapTolerance, Invariant($"f − f* = {f - _optimalValue:g6} ≤ {_options.GapTolerance:g6}."));
            if (_options.RelativeGapTolerance > 0 && f - _optimalValue <= _options.RelativeGapTolerance * (_startValue - _optimalValue))
                return (StopReason.GapTolerance, Invariant($"f − f* = {f - _optimalValue:g6} ≤ {_options.RelativeGapTolerance:g3} · (f(x₀) − f*) = {_options.RelativeGapTolerance * (_startValue - _optimalValue):g6}."));
            if (f <= _options.TargetValue)
                return (StopReason.TargetValue, Invariant($"f = {f:g6} ≤ target {_options.TargetValue:g6}."));
            if (_options.GradientTolerance > 0 && gnorm <= _options.GradientTolerance)
                return (StopReason.GradientTolerance, Invariant($"‖∇f‖ = {gnorm:g6} ≤ {_options.GradientTolerance:g6}."));
            if (_options.RelativeGradientTolerance > 0 && gnorm <= _options.RelativeGradientTolerance * _startGradientNorm)
                return (StopReason.GradientTolerance, Invariant($"‖∇f‖ = {gnorm:g6} ≤ {_options.RelativeGradientTolerance:g6} · ‖∇f(x₀)‖."));
            double threshold = _startValue + _options.DivergenceFactor * Math.Max(Math.Abs(_startValue), _options.DivergenceScale);
            if (f > threshold)
                return (StopReason.Diverged, Invariant($"f = {f:g6} exceeds f(x₀) + {_options.DivergenceFactor:g3} · max(|f(x₀)|, {_options.DivergenceScale:g3}) = {threshold:g6}. {LikelyCause(kind, stepsize)}"));
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

        // What was observed decides what the message blames: a blow-up right after a Polyak step means f* (or its estimate)
        // was too low for that point, since (f − f*)/‖∇f‖² grows without bound as f* falls; after an ordinary step, its
        // stepsize (η) was too large for the curvature.
        // A long step that raised f and was followed only by short steps until the blow-up is the suspect even when the
        // blow-up came later: a point thrown far off the ravine sits where η is too large for the curvature.
        private string LikelyCause(StepKind kind, double stepsize) => kind switch
        {
            StepKind.Start => "f(x₀) itself is not finite.",
            _ when _raisingLongStep.Iteration >= 0 =>
                Invariant($"The long (Polyak) step of size {_raisingLongStep.Stepsize:g6} at iteration {_raisingLongStep.Iteration} raised f from {_raisingLongStep.Before:g6} to {_raisingLongStep.After:g6}: ") +
                "the f* it used (or its estimate) is likely too low. Give a higher f*, leave f* unknown to have it estimated, or turn the safeguard on (Safeguard, --safeguard on) to roll such steps back.",
            StepKind.Short => Invariant($"No long step raised f before it; the short stepsize {stepsize:g6} (η) is likely too large for the curvature here."),
            _ => Invariant($"The stepsize {stepsize:g6} is likely too large."),
        };

        // A line search that finds no lower f once ‖∇f‖ has fallen below √ε·‖∇f(x₀)‖ has met f's rounding, not a bug:
        // the decrease a step could still give, about ‖∇f‖²/L, is then below the error of computing f (L-BFGS on
        // quadratic sensing stopped so at f = 1e-18 with ‖∇f‖ = 1e-13·‖∇f(x₀)‖). Far above it, a failing search means
        // the gradient does not match f.
        private bool AtGradientFloor(StopReason? stop) =>
            stop == StopReason.LineSearchFailed && _iterate.GradientNorm <= RelativeGradientFloor * _startGradientNorm;

        private static readonly double RelativeGradientFloor = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);

        // The start and one row per call, plus the rows without a call (rolled-back long steps, fewer than the calls);
        // a trace that still fills up grows, so this only decides how much is allocated up front.
        private static long CallBudgetRows(long maxOracleCalls) => maxOracleCalls >= long.MaxValue / 2 ? long.MaxValue : 2 * maxOracleCalls + 1;

        // ‖g‖² underflows to 0 for gradients near 1e-160 that are not zero; only an exact zero is stationary.
        private static bool AllZero(ReadOnlySpan<double> values)
        {
            foreach (double v in values)
                if (v != 0) return false;
            return true;
        }

        private static bool AllFinite(ReadOnlySpan<double> values)
        {
            foreach (double v in values)
                if (!double.IsFinite(v)) return false;
            return true;
        }

        // A zero or small gradient and f ≤ the method's f* are only necessary conditions: with f* known the gap decides.
        private (bool converged, string? why) Certify(StopReason reason)
        {
            if (reason is StopReason.GapTolerance or StopReason.TargetValue) return (true, null);
            if (!reason.IsConvergence()) return (false, null);
            if (double.IsNaN(_optimalValue))
                return reason == StopReason.GradientTolerance
                    ? (true, null)
                    : (false, "f* is unknown, so this is not certified as a minimum (set MinimizeOptions.OptimalValue).");
            double gap = _iterate.Value - _optimalValue;
            double tolerance = _options.OptimalityTolerance
                ?? (_options.GapTolerance > 0 ? _options.GapTolerance : 1e-10 * Math.Max(1, Math.Abs(_startValue - _optimalValue)));
            return gap <= tolerance
                ? (true, null)
                : (false, Invariant($"Not converged: f − f* = {gap:g6} > {tolerance:g3} (a saddle, a non-global minimum, or an f* set too high)."));
        }

        // With validation data the point of record is the point of least validation loss (early stopping's answer).
        private MinimizeResult BuildResult(StopReason reason, string message, bool converged, MinimizeResult.Point final, RunCheckpoint? checkpoint)
        {
            bool byValidation = _validation is not null && double.IsFinite(_bestValidation);
            var best = byValidation
                ? new MinimizeResult.Point((double[])_bestValidationX.Clone(), _bestValidationF, (double[])_bestValidationGradient.Clone())
                : new MinimizeResult.Point((double[])_bestX.Clone(), _bestValue, (double[])_bestGradient.Clone());
            return new(_method.Name, best, byValidation ? _bestValidationIteration : _bestIteration, final, _iteration,
                _oracle.Calls, reason, message, converged, Stopwatch.GetElapsedTime(_startTimestamp), _longestStep,
                _optimalValue, _trace, checkpoint)
            {
                ValidationValue = _validation is null ? double.NaN : _bestValidation,
                ValidationEvaluations = _validationEvaluations,
            };
        }
    }
}
