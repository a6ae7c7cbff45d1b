using Ravine.Objectives;
using static System.FormattableString;

namespace Ravine.Optimization;

/// <summary>
/// Judges the run on held-out data (<see cref="MinimizeOptions.Validation"/>): rolls back a long step that raised the
/// validation loss, keeps the point of least validation loss as the point of record and stops early after
/// <see cref="MinimizeOptions.Patience"/> evaluations without a new least loss.
/// </summary>
/// <remarks>
/// After a long step the validation loss must not have risen: held-out data judge whether the step moved toward the
/// truth or only further into the training data (with noisy data the two part ways). Other steps are judged only for
/// the point of record and early stopping. Everything is allocated here, once; nothing per iteration.
/// </remarks>
internal sealed class ValidationMonitor(IObjective validation, int interval, int patience) : RunMonitor
{
    /// <summary>The trace note of a long step rolled back because the validation loss rose.</summary>
    public const string Note = "validation";

    private readonly Iterate _previous = new(validation.Dimension);
    private readonly double[] _gradient = new double[validation.Dimension];
    private readonly double[] _bestX = new double[validation.Dimension], _bestGradient = new double[validation.Dimension];
    private double _best = double.PositiveInfinity, _bestF, _last = double.NaN;
    private long _bestIteration, _lastIteration = -1, _evaluations;
    private int _sinceImprovement;

    public override string StateName => "validation";

    // A rolled-back step says why in the note column, whichever method took it.
    public override TraceColumns TraceColumns => TraceColumns.Note;

    public override void Started(Iterate start) => Validated(start, 0, Evaluate(start.X));

    public override void Resumed(Iterate current, long iteration, IReadOnlyDictionary<string, double[]>? state)
    {
        // A checkpoint of a run without validation: start validating from here.
        if (state is null)
        {
            Validated(current, iteration, Evaluate(current.X));
            return;
        }
        if (!state.TryGetValue("values", out var v) || v.Length != 7 || !state.TryGetValue("bestX", out var x) || x.Length != _bestX.Length
            || !state.TryGetValue("bestGradient", out var g) || g.Length != _bestGradient.Length)
            throw new FormatException("The checkpoint's validation state is malformed.");
        (_best, _bestF, _bestIteration, _sinceImprovement, _evaluations, _last, _lastIteration) =
            (v[0], v[1], (long)v[2], (int)v[3], (long)v[4], v[5], (long)v[6]);
        x.CopyTo(_bestX, 0);
        g.CopyTo(_bestGradient, 0);
    }

    public override void BeforeStep(Iterate iterate) => _previous.CopyFrom(iterate);

    public override StepReport AfterStep(Iterate iterate, long iteration, StepReport report)
    {
        if (report.Kind == StepKind.Long)
        {
            double before = _lastIteration == iteration - 1 ? _last : Evaluate(_previous.X);
            double after = Evaluate(iterate.X);
            if (!(after <= before))
            {
                iterate.CopyFrom(_previous);
                report = report with { Kind = StepKind.Rejected, Note = Note };
                after = before;
            }
            Validated(iterate, iteration, after);
        }
        else if (interval > 0 && iteration % interval == 0)
            Validated(iterate, iteration, Evaluate(iterate.X));
        return report;
    }

    public override (StopReason Reason, string Message)? Stop() =>
        patience > 0 && _sinceImprovement >= patience
            ? (StopReason.EarlyStopping, Invariant($"The validation loss has not improved on {_best:g6} (iteration {_bestIteration}) in {_sinceImprovement} evaluations; the result is that point."))
            : null;

    public override IReadOnlyDictionary<string, double[]> SaveState() => new Dictionary<string, double[]>
    {
        ["values"] = [_best, _bestF, _bestIteration, _sinceImprovement, _evaluations, _last, _lastIteration],
        ["bestX"] = (double[])_bestX.Clone(),
        ["bestGradient"] = (double[])_bestGradient.Clone(),
    };

    // With validation data the point of record is the point of least validation loss (early stopping's answer).
    public override void Complete(RunOutcome outcome)
    {
        if (double.IsFinite(_best))
        {
            outcome.Best = new((double[])_bestX.Clone(), _bestF, (double[])_bestGradient.Clone());
            outcome.BestIteration = _bestIteration;
        }
        outcome.ValidationValue = _best;
        outcome.ValidationEvaluations = _evaluations;
    }

    private double Evaluate(ReadOnlySpan<double> x)
    {
        _evaluations++;
        return validation.Evaluate(x, _gradient);
    }

    // The validation loss at the current iterate: the point of record and the patience count follow it.
    private void Validated(Iterate iterate, long iteration, double value)
    {
        (_last, _lastIteration) = (value, iteration);
        if (value < _best)
        {
            (_best, _bestF, _bestIteration, _sinceImprovement) = (value, iterate.Value, iteration, 0);
            iterate.X.CopyTo(_bestX);
            iterate.Gradient.CopyTo(_bestGradient);
        }
        else
            _sinceImprovement++;
    }
}
