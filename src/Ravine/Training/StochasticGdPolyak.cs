using System.Numerics.Tensors;
using Ravine.Methods;
using Ravine.Optimization;
using static Ravine.Training.StochasticMethodDescriptor;

namespace Ravine.Training;

/// <summary>
/// GDPolyak for mini-batches: SGD-with-momentum short steps (<see cref="SgdMomentum"/>), and after every K of them one
/// long Polyak step x ← x − s·(f_J(x) − f*)/‖∇f_J(x)‖²·∇f_J(x) on a larger judge batch J (f* = 0 by default: a
/// network that interpolates its training set), kept only when the validation loss at the new point is no higher than
/// before it, otherwise undone. The scale s starts at 1, halves after a rolled-back step and doubles (up to 1) after a
/// kept one, so one bad step never shrinks it for good. See docs/NETWORKS.md for the design.
/// </summary>
/// <remarks>
/// Why a judge batch and the validation split: a mini-batch's Polyak step is as noisy as its gap, and a long step
/// (t·‖∇f‖ = gap/‖∇f‖, far longer than a short step in a ravine) taken on noise throws the iterate off the valley. A
/// batch of a few thousand examples measures the gap and gradient well enough to point along the valley, and the
/// validation split, which no step ever trains on, judges whether the jump helped — the deterministic method's epoch
/// safeguard, with held-out data as the referee. Judge batches walk through a fixed seeded order of the training set,
/// so the method keeps no random state. The curvature vᵀ∇²f_J v/‖v‖² along each long step's direction is measured on
/// the judge batch (one Hessian-vector product) and reported.
/// </remarks>
public sealed class StochasticGdPolyak : IStochasticMethod
{
    /// <summary>The registry's entry: <c>stochastic-gdpolyak</c>.</summary>
    public static StochasticMethodDescriptor Descriptor { get; } = new("stochastic-gdpolyak",
        "SGD-momentum short steps, every K batches a long Polyak step on a judge batch, rolled back if the validation loss rises",
        [
            MethodOption.Positive("lr", "η, the short steps' learning rate", "0.05").Tuned(),
            MethodOption.UnitInterval("momentum", "μ, the short steps' momentum", "0.9"),
            MethodOption.Count("K", "short steps between long steps", 1, "100"),
            MethodOption.Count("judge", "examples in a long step's judge batch", 1, "2048"),
            new MethodOption { Key = "fstar", Description = "f*, the least training loss the Polyak step aims at", Default = "0" },
            MethodOption.OneOf("curvature", "measure vᵀ∇²f v/‖v‖² along each long step", "true", "true", "false"),
        ],
        v => new StochasticGdPolyak(new SgdMomentum(Real(v, "lr"), Real(v, "momentum")), Whole(v, "K"), Whole(v, "judge"), Real(v, "fstar"), Flag(v, "curvature")));

    /// <summary>The smallest scale: after ten rollbacks in a row the long step is 1/1024 of Polyak's.</summary>
    public const double MinimumScale = 1.0 / 1024;

    private readonly SgdMomentum _short;
    private int[] _order = [], _judge = [];
    private double[] _gradient = [], _saved = [], _product = [];
    private long _sinceLong, _longSteps;
    private double _scale = 1;

    /// <summary>Creates the method.</summary>
    /// <param name="shortSteps">The mini-batch steps between long steps.</param>
    /// <param name="period">K, the short steps between long steps.</param>
    /// <param name="judgeExamples">The judge batch's size (at most the training set).</param>
    /// <param name="optimalValue">f*.</param>
    /// <param name="measureCurvature">Whether to spend a Hessian-vector product per long step on its curvature.</param>
    public StochasticGdPolyak(SgdMomentum shortSteps, int period = 100, int judgeExamples = 2048, double optimalValue = 0, bool measureCurvature = true)
    {
        ArgumentNullException.ThrowIfNull(shortSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(judgeExamples, 1);
        if (!double.IsFinite(optimalValue)) throw new ArgumentOutOfRangeException(nameof(optimalValue), optimalValue, "f* must be finite.");
        (_short, Period, JudgeExamples, OptimalValue, MeasureCurvature) = (shortSteps, period, judgeExamples, optimalValue, measureCurvature);
    }

    /// <inheritdoc />
    public string Name => Descriptor.Name;

    /// <summary>K.</summary>
    public int Period { get; }

    /// <summary>The judge batch's size.</summary>
    public int JudgeExamples { get; }

    /// <summary>f*.</summary>
    public double OptimalValue { get; }

    /// <summary>Whether each long step's curvature is measured.</summary>
    public bool MeasureCurvature { get; }

    /// <summary>The scale s the next long step's Polyak stepsize is multiplied by, in [<see cref="MinimumScale"/>, 1].</summary>
    public double Scale => _scale;

    /// <inheritdoc />
    public void Start(IMiniBatchObjective objective, ReadOnlySpan<double> x, ulong seed)
    {
        _short.Start(objective, x, seed);
        _order = ShuffledBatches.Permutation(objective.ExampleCount, seed ^ 0x5DEECE66DUL);
        _judge = new int[Math.Min(JudgeExamples, objective.ExampleCount)];
        _gradient = new double[x.Length];
        _saved = new double[x.Length];
        _product = MeasureCurvature ? new double[x.Length] : [];
        (_sinceLong, _longSteps, _scale) = (0, 0, 1);
    }

    /// <inheritdoc />
    public StochasticStepReport Step(MiniBatchStep step)
    {
        var report = _short.Step(step);
        if (++_sinceLong < Period) return report;
        _sinceLong = 0;
        return LongStep(step.Objective, step.X, report.Stepsize);
    }

    private StochasticStepReport LongStep(IMiniBatchObjective objective, Span<double> x, double shortStepsize)
    {
        long first = _longSteps++ * _judge.Length;
        for (int i = 0; i < _judge.Length; i++) _judge[i] = _order[(int)((first + i) % _order.Length)];
        double gap = objective.Evaluate(x, _judge, _gradient) - OptimalValue;
        double squared = TensorPrimitives.Dot(_gradient, _gradient);
        if (!(gap > 0 && squared > 0 && double.IsFinite(gap) && double.IsFinite(squared)))
            return StochasticStepReport.Short(shortStepsize);
        double t = _scale * gap / squared;
        double curvature = MeasureCurvature ? RavineProbe.Curvature(objective, x, _judge, _gradient, _product) : double.NaN;
        double before = objective.Score(x, EvaluationSet.Validation).Loss;
        x.CopyTo(_saved);
        TensorPrimitives.MultiplyAdd(_gradient, -t, x, x);
        double after = objective.Score(x, EvaluationSet.Validation).Loss;
        if (after <= before)
        {
            _scale = Math.Min(1, 2 * _scale);
            return new StochasticStepReport(StochasticStepKind.Long, shortStepsize, t, curvature);
        }
        _saved.CopyTo(x);
        _scale = Math.Max(MinimumScale, _scale / 2);
        return new StochasticStepReport(StochasticStepKind.RolledBack, shortStepsize, t, curvature);
    }

    /// <inheritdoc />
    public MethodMemory Save() => new Memory((SgdMomentum.Memory)_short.Save(), _sinceLong, _longSteps, _scale);

    /// <inheritdoc />
    public void Restore(MethodMemory memory)
    {
        var saved = memory.As<Memory>();
        _short.Restore(saved.ShortSteps);
        (_sinceLong, _longSteps, _scale) = (saved.SinceLong, saved.LongSteps, saved.Scale);
    }

    private sealed record Memory(SgdMomentum.Memory ShortSteps, long SinceLong, long LongSteps, double Scale) : MethodMemory;
}
