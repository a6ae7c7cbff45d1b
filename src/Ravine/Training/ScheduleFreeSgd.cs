using System.Numerics.Tensors;
using Ravine.Methods;
using Ravine.Optimization;
using static Ravine.Training.StochasticMethodDescriptor;

namespace Ravine.Training;

/// <summary>
/// Schedule-Free SGD (Defazio, Yang, Mehta, Mishchenko, Khaled, Cutkosky, "The Road Less Scheduled", NeurIPS 2024), as
/// the authors' <c>schedulefree.SGDScheduleFree</c> computes it. It keeps two sequences from x₁ = z₁ = the initial point:
/// z, plain SGD steps, and x, their weighted running average; the gradient is taken at y = (1 − β)z + βx (β the
/// momentum), and the run is scored at x (<see cref="EvaluationPoint"/>). Step t (t = 1, 2, …):
/// γ_t = γ·min(1, t/w) (linear warmup over w steps), γ_max = max_{i≤t} γ_i, weight ω_t = t^r·γ_max^p (p = 2 weights the
/// average by the squared stepsize), c_t = ω_t/Σ_{i≤t} ω_i; g = ∇f_B(y) + λy (weight decay λ);
/// z ← z − γ_t·g; x ← (1 − c_t)x + c_t·z; y ← (1 − β)z + βx.
/// Defaults are the reference's: γ = 1, β = 0.9, w = 0, r = 0, p = 2, λ = 0.
/// </summary>
/// <remarks>
/// No schedule is needed because the average x plays the part of a decaying stepsize, while y keeps the momentum's
/// speed; the reference writes y into the model's parameters and recovers x on <c>eval()</c>, and the trainer does the
/// same through <see cref="EvaluationPoint"/>.
/// </remarks>
public sealed class ScheduleFreeSgd : IStochasticMethod
{
    /// <summary>The registry's entry: <c>schedule-free-sgd</c> with <c>lr</c>, <c>momentum</c>, <c>warmup-steps</c>, <c>r</c>, <c>weight-lr-power</c>, <c>weight-decay</c>.</summary>
    public static StochasticMethodDescriptor Descriptor { get; } = new("schedule-free-sgd", "Schedule-Free SGD: SGD steps, scored at their weighted average (Defazio et al. 2024)",
        [
            MethodOption.Positive("lr", "γ, the learning rate", "1").Tuned(),
            MethodOption.UnitInterval("momentum", "β: gradients are taken at (1 − β)z + βx", "0.9") with { MinimumExclusive = true },
            MethodOption.Count("warmup-steps", "w, the steps of the linear warmup of γ (0: none)", 0, "0"),
            new MethodOption { Key = "r", Description = "r, the power of t in the average's weights", Default = "0", Minimum = 0 },
            new MethodOption { Key = "weight-lr-power", Description = "p, the power of the largest stepsize so far in the average's weights", Default = "2", Minimum = 0 },
            new MethodOption { Key = "weight-decay", Description = "λ, the L2 penalty added to the gradient", Default = "0", Minimum = 0 },
        ],
        v => new ScheduleFreeSgd(Real(v, "lr"), Real(v, "momentum"), Whole(v, "warmup-steps"), Real(v, "r"), Real(v, "weight-lr-power"), Real(v, "weight-decay")));

    private double[] _z = [], _average = [];
    private long _steps;
    private double _weightSum, _largestStepsize;

    /// <summary>Creates the method.</summary>
    public ScheduleFreeSgd(double learningRate = 1, double momentum = 0.9, int warmupSteps = 0, double r = 0, double weightLearningRatePower = 2, double weightDecay = 0)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate))) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        if (!(momentum > 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must be in (0, 1).");
        if (warmupSteps < 0) throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "The warmup steps must be ≥ 0.");
        if (!(r >= 0 && double.IsFinite(r))) throw new ArgumentOutOfRangeException(nameof(r), r, "r must be ≥ 0.");
        if (!(weightLearningRatePower >= 0 && double.IsFinite(weightLearningRatePower))) throw new ArgumentOutOfRangeException(nameof(weightLearningRatePower), weightLearningRatePower, "The weight's power of the learning rate must be ≥ 0.");
        if (!(weightDecay >= 0 && double.IsFinite(weightDecay))) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be ≥ 0.");
        (LearningRate, Momentum, WarmupSteps, R, WeightLearningRatePower, WeightDecay) = (learningRate, momentum, warmupSteps, r, weightLearningRatePower, weightDecay);
    }

    /// <inheritdoc />
    public string Name => Descriptor.Name;

    /// <summary>γ.</summary>
    public double LearningRate { get; }

    /// <summary>β.</summary>
    public double Momentum { get; }

    /// <summary>w.</summary>
    public int WarmupSteps { get; }

    /// <summary>r.</summary>
    public double R { get; }

    /// <summary>p.</summary>
    public double WeightLearningRatePower { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public void Start(IMiniBatchObjective objective, ReadOnlySpan<double> x, ulong seed)
    {
        _z = x.ToArray();
        _average = x.ToArray();
        _steps = 0;
        // The reference starts γ_max at −1: any first stepsize replaces it.
        (_weightSum, _largestStepsize) = (0, -1);
    }

    /// <inheritdoc />
    public StochasticStepReport Step(MiniBatchStep step)
    {
        Span<double> y = step.X, z = _z, x = _average;
        long t = ++_steps;
        double stepsize = t <= WarmupSteps ? LearningRate * ((double)t / WarmupSteps) : LearningRate;
        _largestStepsize = Math.Max(_largestStepsize, stepsize);
        double weight = Math.Pow(t, R) * Math.Pow(_largestStepsize, WeightLearningRatePower);
        _weightSum += weight;
        // As the reference: a weight that underflows to 0 leaves x where it is instead of dividing 0 by 0.
        double c = _weightSum > 0 ? weight / _weightSum : 0;
        // y is recomputed below, so it can hold g + λy meanwhile: no buffer of our own.
        ReadOnlySpan<double> g = step.Gradient;
        if (WeightDecay > 0)
        {
            TensorPrimitives.MultiplyAdd(y, WeightDecay, g, y);
            g = y;
        }
        TensorPrimitives.MultiplyAdd(g, -stepsize, z, z);
        TensorPrimitives.Multiply(x, 1 - c, x);
        TensorPrimitives.MultiplyAdd(z, c, x, x);
        TensorPrimitives.Multiply(x, Momentum, y);
        TensorPrimitives.MultiplyAdd(z, 1 - Momentum, y, y);
        return StochasticStepReport.Short(stepsize);
    }

    /// <summary>x, the weighted average of the SGD sequence: where the run is scored and what it returns.</summary>
    public ReadOnlySpan<double> EvaluationPoint(ReadOnlySpan<double> x) => _average;

    /// <inheritdoc />
    public MethodMemory Save() => new Memory((double[])_z.Clone(), (double[])_average.Clone(), _steps, _weightSum, _largestStepsize);

    /// <inheritdoc />
    public void Restore(MethodMemory memory)
    {
        var saved = memory.As<Memory>();
        if (saved.Z.Length != _z.Length || saved.Average.Length != _average.Length)
            throw new FormatException($"The saved sequences do not have the model's {_z.Length} parameters.");
        saved.Z.CopyTo(_z, 0);
        saved.Average.CopyTo(_average, 0);
        (_steps, _weightSum, _largestStepsize) = (saved.Steps, saved.WeightSum, saved.LargestStepsize);
    }

    /// <summary>z, x, the steps taken, Σω and γ_max.</summary>
    private sealed record Memory(double[] Z, double[] Average, long Steps, double WeightSum, double LargestStepsize) : MethodMemory;
}
