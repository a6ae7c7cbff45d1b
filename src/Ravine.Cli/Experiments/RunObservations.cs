using Ravine.Analysis;
using Ravine.IO;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// What a run records beside the minimizer's trace, for the trace CSV's last columns and the report: the ravine
/// diagnostics of each epoch (<see cref="RavineDiagnostics"/> and the gradient share, see docs/DIAGNOSTICS.md) and, on a
/// classification problem, the accuracies at the iterations of <see cref="AccuracySchedule"/>. Fed by the run's
/// observer; allocates nothing per iteration (one gradient copy, into a buffer made once).
/// </summary>
/// <remarks>
/// The gradient share of a long step compares ∇f after it with the step's direction, −∇f at the point it left from,
/// which is the row before: the observer keeps that row's gradient. A resumed run takes it from the checkpoint (the
/// gradient of its last row) and reads back the values of the rows already on disk, so its trace equals an
/// uninterrupted run's.
/// </remarks>
public sealed class RunObservations
{
    private readonly double[] _previousGradient;
    private double _previousNormSquared = double.NaN;
    private readonly IKnowsAccuracy? _classifier;
    private readonly long _budget;
    private readonly RavineDiagnostics _diagnostics = new();
    private readonly Dictionary<int, double> _shares = [];
    private readonly Dictionary<int, AccuracySample> _accuracy = [];
    private readonly Dictionary<int, TraceAnnotation> _resumed = [];
    private readonly Func<int, TraceAnnotation> _annotation;

    /// <summary>Observations of a run on <paramref name="problem"/> with this iteration budget.</summary>
    public RunObservations(IObjective problem, long budget)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _previousGradient = new double[problem.Dimension];
        _classifier = problem as IKnowsAccuracy;
        _budget = budget;
        _annotation = Annotation;
    }

    /// <summary>True when the problem knows its accuracies (they are sampled along the run).</summary>
    public bool MeasuresAccuracy => _classifier is not null;

    /// <summary>
    /// Continues from <paramref name="checkpoint"/>: its gradient is the last row's, and <paramref name="annotations"/>
    /// (by row) are the values of the rows on disk.
    /// </summary>
    internal void Resume(RunCheckpoint checkpoint, IReadOnlyDictionary<int, TraceAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(annotations);
        checkpoint.Gradient.CopyTo(_previousGradient, 0);
        _previousNormSquared = System.Numerics.Tensors.TensorPrimitives.Dot(checkpoint.Gradient, checkpoint.Gradient);
        foreach (var (row, annotation) in annotations)
        {
            _resumed[row] = annotation;
            if (!double.IsNaN(annotation.GradientShare)) _shares[row] = annotation.GradientShare;
            if (!double.IsNaN(annotation.TrainAccuracy) || !double.IsNaN(annotation.TestAccuracy))
                _accuracy[row] = new AccuracySample(row, checkpoint.Trace.OracleCalls[row], annotation.TrainAccuracy, annotation.TestAccuracy);
        }
    }

    /// <summary>Records what the run's observer sees at one iteration.</summary>
    public void Observe(in IterationInfo info)
    {
        int row = (int)info.Iteration;
        double normSquared = info.GradientNorm * info.GradientNorm;
        if (info.Kind == StepKind.Long && normSquared > 0 && _previousNormSquared > 0)
        {
            double along = System.Numerics.Tensors.TensorPrimitives.Dot(info.Gradient, _previousGradient);
            _shares[row] = Math.Min(1, along * along / (normSquared * _previousNormSquared));
        }
        info.Gradient.CopyTo(_previousGradient);
        _previousNormSquared = normSquared;
        if (_classifier is not null && AccuracySchedule.Due(info.Iteration, _budget))
            _accuracy[row] = new AccuracySample(row, info.OracleCalls, _classifier.TrainAccuracy(info.X), _classifier.TestAccuracy(info.X));
    }

    /// <summary>Brings the diagnostics up to <paramref name="trace"/> and returns each row's annotation, for <see cref="TraceCsv"/>.</summary>
    internal Func<int, TraceAnnotation> Annotations(Trace trace)
    {
        _diagnostics.Advance(trace);
        return _annotation;
    }

    private TraceAnnotation Annotation(int row)
    {
        // Rows read back on resume keep their values as they were written.
        if (_resumed.TryGetValue(row, out var resumed)) return resumed;
        var epoch = _diagnostics.AtRow(row);
        bool hasShare = _shares.TryGetValue(row, out double share);
        bool hasAccuracy = _accuracy.TryGetValue(row, out var accuracy);
        if (epoch is null && !hasShare && !hasAccuracy) return TraceAnnotation.None;
        return new TraceAnnotation(epoch?.GrowthOrder ?? double.NaN, epoch?.Contraction ?? double.NaN, hasShare ? share : double.NaN,
            accuracy?.Train ?? double.NaN, accuracy?.Test ?? double.NaN);
    }

    /// <summary>The diagnostics of every epoch of <paramref name="trace"/> that ended with a long step, with their gradient shares.</summary>
    public IReadOnlyList<EpochDiagnostic> Epochs(Trace trace)
    {
        _diagnostics.Advance(trace);
        return _diagnostics.Epochs.Select(e => e with { GradientShare = _shares.TryGetValue(e.Row, out double s) ? s : double.NaN }).ToArray();
    }

    /// <summary>The accuracies measured, by iteration.</summary>
    public IReadOnlyList<AccuracySample> Accuracy => _accuracy.Values.OrderBy(a => a.Iteration).ToArray();
}
