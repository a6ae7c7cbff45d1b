using System.Diagnostics;
using System.Numerics.Tensors;

namespace Ravine.Training;

/// <summary>
/// The mini-batch training loop: each epoch a fresh seeded order of the training set, cut into batches; each batch's
/// loss and gradient to the method; at each epoch's end the scores on the training, validation and test sets (one
/// <see cref="TrainingRow"/>), the best point so far, optional ravine probes, and a checkpoint. It stops after the
/// planned epochs, at a target validation accuracy, when a loss or gradient stops being finite (returning the best
/// point), or when cancelled between two batches (its checkpoint then continues the run to the same rows).
/// </summary>
/// <remarks>A batch step allocates nothing: batches are spans of one order array and every buffer is made before the loop.</remarks>
public sealed class Trainer
{
    private readonly IMiniBatchObjective _objective;
    private readonly IStochasticMethod _method;
    private readonly TrainerOptions _options;

    /// <summary>A trainer of <paramref name="method"/> on <paramref name="objective"/>.</summary>
    /// <exception cref="ArgumentException">An option does not fit the objective (e.g. a batch larger than the training set).</exception>
    public Trainer(IMiniBatchObjective objective, IStochasticMethod method, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(options);
        options.Check(objective.ExampleCount);
        (_objective, _method, _options) = (objective, method, options);
    }

    /// <summary>Trains from the seeded initial point, or from <paramref name="resume"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="resume"/> is of another method, seed, batch size or model.</exception>
    public TrainingResult Train(ITrainingObserver? observer = null, TrainingCheckpoint? resume = null, CancellationToken cancellationToken = default)
    {
        var run = new Run(this, observer, resume);
        return run.Execute(cancellationToken);
    }

    /// <summary>One run's state; the loop is in <see cref="Execute"/>.</summary>
    private sealed class Run
    {
        private readonly Trainer _trainer;
        private readonly ITrainingObserver? _observer;
        private readonly ShuffledBatches _batches;
        private readonly double[] _x, _best, _gradient;
        private readonly int[]? _probeBatch;
        private readonly List<TrainingRow> _rows;
        private readonly List<LongStepRecord> _longSteps;
        private readonly List<RavineProbeResult> _probes;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly double _secondsBefore;
        private int _epoch, _batch, _bestEpoch;
        private long _steps;
        private double _lossSum, _lastStepsize;

        public Run(Trainer trainer, ITrainingObserver? observer, TrainingCheckpoint? resume)
        {
            (_trainer, _observer) = (trainer, observer);
            var (objective, options) = (trainer._objective, trainer._options);
            int n = objective.Dimension;
            _batches = new ShuffledBatches(objective.ExampleCount, options.BatchSize, options.Seed);
            _x = new double[n];
            _best = new double[n];
            _gradient = new double[n];
            _probeBatch = options.ProbeEvery > 0 ? RavineProbe.Batch(objective, options.Probe, options.Seed) : null;
            if (resume is null)
            {
                objective.InitialPoint(options.Seed, _x);
                trainer._method.Start(objective, _x, options.Seed);
                (_rows, _longSteps, _probes) = ([], [], []);
                (_epoch, _batch, _lastStepsize) = (1, 0, double.NaN);
                return;
            }
            Check(resume, trainer);
            resume.X.CopyTo(_x, 0);
            resume.BestX.CopyTo(_best, 0);
            trainer._method.Start(objective, _x, options.Seed);
            trainer._method.Restore(resume.Memory);
            (_rows, _longSteps, _probes) = ([.. resume.Rows], [.. resume.LongSteps], [.. resume.Probes]);
            (_epoch, _batch, _bestEpoch, _steps) = (resume.Epoch, resume.Batch, resume.BestEpoch, resume.Steps);
            (_lossSum, _lastStepsize, _secondsBefore) = (resume.EpochLossSum, resume.LastStepsize, resume.Seconds);
        }

        private double Seconds => _secondsBefore + _clock.Elapsed.TotalSeconds;

        public TrainingResult Execute(CancellationToken cancellationToken)
        {
            var (objective, method, options) = (_trainer._objective, _trainer._method, _trainer._options);
            if (_rows.Count == 0 && EndEpoch(0) is { } atStart) return atStart;
            double validationAccuracy = _rows[^1].Validation.Accuracy;
            for (; _epoch <= options.Epochs; _epoch++, _batch = 0, _lossSum = 0)
            {
                _batches.Shuffle(_epoch);
                for (; _batch < _batches.BatchesPerEpoch; _batch++)
                {
                    if (cancellationToken.IsCancellationRequested)
                        return Stop(TrainingStopReason.Cancelled, $"Cancelled in epoch {_epoch} after {_batch} of {_batches.BatchesPerEpoch} batches.");
                    var batch = _batches.Batch(_batch);
                    double loss = objective.Evaluate(_x, batch, _gradient);
                    if (!double.IsFinite(loss) || !double.IsFinite(TensorPrimitives.Dot(_gradient, _gradient)))
                        return Diverged($"The loss or gradient of batch {_batch + 1} in epoch {_epoch} is not finite (loss {loss})");
                    var report = method.Step(new MiniBatchStep(objective, _x, batch, loss, _gradient, _steps));
                    _steps++;
                    _lossSum += loss;
                    _lastStepsize = report.Stepsize;
                    if (report.Kind != StochasticStepKind.Short)
                        _longSteps.Add(new LongStepRecord(_epoch, _steps, report.Kind == StochasticStepKind.Long, report.LongStepsize, report.Curvature));
                    _observer?.OnBatch(new BatchProgress(_epoch, options.Epochs, _batch + 1, _batches.BatchesPerEpoch, loss, validationAccuracy, Seconds));
                }
                if (EndEpoch(_epoch) is { } stopped) return stopped;
                validationAccuracy = _rows[^1].Validation.Accuracy;
                if (options.TargetAccuracy is { } target && validationAccuracy >= target)
                {
                    _epoch++;
                    (_batch, _lossSum) = (0, 0);
                    return Stop(TrainingStopReason.TargetReached, $"The validation accuracy {validationAccuracy:P2} reached the target {target:P2} after epoch {_epoch - 1}.");
                }
            }
            return Stop(TrainingStopReason.EpochsDone, $"Trained {options.Epochs} epochs ({_steps} steps).");
        }

        /// <summary>Scores the epoch's end, records its row and probe, keeps the best point; a result when the scores are not finite.</summary>
        private TrainingResult? EndEpoch(int epoch)
        {
            var (objective, options) = (_trainer._objective, _trainer._options);
            var point = _trainer._method.EvaluationPoint(_x);
            var training = objective.Score(point, EvaluationSet.Training);
            var validation = objective.Score(point, EvaluationSet.Validation);
            var test = objective.Score(point, EvaluationSet.Test);
            if (!double.IsFinite(training.Loss) || !double.IsFinite(validation.Loss))
                return Diverged($"The scores at the end of epoch {epoch} are not finite (training loss {training.Loss}, validation loss {validation.Loss})");
            var inEpoch = _longSteps.Where(s => s.Epoch == epoch).ToArray();
            _rows.Add(new TrainingRow(epoch, _steps, Seconds, epoch == 0 ? double.NaN : _lossSum / _batches.BatchesPerEpoch, training, validation, test,
                inEpoch.Count(s => s.Kept), inEpoch.Count(s => !s.Kept), _lastStepsize,
                Median(inEpoch.Select(s => s.Stepsize)), Median(inEpoch.Select(s => s.Curvature))));
            if (epoch == 0 || Better(validation, _rows[_bestEpoch].Validation))
            {
                point.CopyTo(_best);
                _bestEpoch = _rows.Count - 1;
            }
            if (_probeBatch is not null)
                _probes.Add(RavineProbe.Measure(objective, point, _probeBatch, options.Probe, epoch, spectrum: epoch % options.ProbeEvery == 0, options.Seed));
            _observer?.OnEpoch(_rows[^1], Checkpoint(epoch + 1, 0, 0));
            return null;
        }

        private bool Better(HeldOutScore candidate, HeldOutScore best) =>
            _trainer._objective.IsClassifier
                ? candidate.Accuracy > best.Accuracy || (candidate.Accuracy == best.Accuracy && candidate.Loss < best.Loss)
                : candidate.Loss < best.Loss;

        private TrainingResult Diverged(string why)
        {
            _best.CopyTo(_x, 0);
            return Stop(TrainingStopReason.Diverged, $"{why}: diverged; the best point (epoch {_bestEpoch}) is returned.", _best);
        }

        private TrainingResult Stop(TrainingStopReason reason, string message) => Stop(reason, message, _trainer._method.EvaluationPoint(_x));

        private TrainingResult Stop(TrainingStopReason reason, string message, ReadOnlySpan<double> x) =>
            new(reason, message, x.ToArray(), (double[])_best.Clone(), _bestEpoch, Checkpoint(_epoch, _batch, _lossSum));

        private TrainingCheckpoint Checkpoint(int epoch, int batch, double lossSum) => new()
        {
            Method = _trainer._method.Name,
            Seed = _trainer._options.Seed,
            BatchSize = _trainer._options.BatchSize,
            Epoch = epoch,
            Batch = batch,
            Steps = _steps,
            Seconds = Seconds,
            X = (double[])_x.Clone(),
            BestX = (double[])_best.Clone(),
            BestEpoch = _bestEpoch,
            Memory = _trainer._method.Save(),
            EpochLossSum = lossSum,
            LastStepsize = _lastStepsize,
            Rows = [.. _rows],
            LongSteps = [.. _longSteps],
            Probes = [.. _probes],
        };

        private static void Check(TrainingCheckpoint resume, Trainer trainer)
        {
            if (resume.Method != trainer._method.Name)
                throw new ArgumentException($"The checkpoint is of method {resume.Method}, not {trainer._method.Name}.", nameof(resume));
            if (resume.Seed != trainer._options.Seed || resume.BatchSize != trainer._options.BatchSize)
                throw new ArgumentException($"The checkpoint has seed {resume.Seed} and batch size {resume.BatchSize}, not {trainer._options.Seed} and {trainer._options.BatchSize}.", nameof(resume));
            if (resume.X.Length != trainer._objective.Dimension || resume.BestX.Length != trainer._objective.Dimension)
                throw new ArgumentException($"The checkpoint has {resume.X.Length} parameters; the model has {trainer._objective.Dimension}.", nameof(resume));
            if (resume.Rows.Count == 0 || resume.Epoch < 1 || resume.Batch < 0)
                throw new ArgumentException("The checkpoint has no initial row or a negative position.", nameof(resume));
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
