using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>Which Barzilai–Borwein stepsize to take, with s = x_k − x_{k−1} and y = ∇f(x_k) − ∇f(x_{k−1}).</summary>
public enum BarzilaiBorweinVariant
{
    /// <summary>The long stepsize sᵀs / sᵀy (BB1).</summary>
    BB1,
    /// <summary>The short stepsize sᵀy / yᵀy (BB2), never longer than BB1.</summary>
    BB2,
}

/// <summary>
/// The Barzilai–Borwein method ("Two-point step size gradient methods", 1988) with the usual safeguards of Raydan
/// ("The Barzilai and Borwein gradient method for the large scale unconstrained minimization problem", SIAM J. Optim.
/// 1997): the BB1 or BB2 stepsize, η for the first step and whenever sᵀy ≤ 0, clamped to [min, max], and the
/// nonmonotone line search of Grippo, Lampariello and Lucidi (1986): accept x − t∇f when
/// f(x − t∇f) ≤ max of the last M values of f − γ t ‖∇f‖², halve t otherwise. Every trial is an oracle call, counted.
/// </summary>
/// <remarks>
/// Plain BB is not monotone and may leave the region it started in for good: from f(x₀) = 9e-23 next to the minimizer of
/// the quartic Rosenbrock its first long step lands at f ≈ 0.3. The search lets f rise above its recent values only
/// within the window of M, which keeps BB's speed on the ravine (a monotone search would cut most long steps).
/// M = 0 turns the search off: one oracle call per step, as in the 1988 method.
/// </remarks>
public sealed record BarzilaiBorwein : IMethod
{
    /// <summary>The registry's entry: <c>bb</c> with its options <c>eta</c>, <c>variant</c>, <c>min-step</c>, <c>max-step</c>, <c>memory</c> and <c>gamma</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("bb", "Barzilai–Borwein stepsizes with Raydan's nonmonotone line search; η for the first step",
        [
            MethodOption.Positive("eta", "η, the first (and fallback) stepsize", required: true).Tuned(),
            MethodOption.OneOf("variant", "bb1 (sᵀs/sᵀy) or bb2 (sᵀy/yᵀy)", "bb1", "bb1", "bb2"),
            MethodOption.Positive("min-step", "the least BB stepsize", "1e-30"),
            MethodOption.Positive("max-step", "the largest BB stepsize", "1e30"),
            MethodOption.Count("memory", "M, the window of the nonmonotone line search (0: plain BB, no search)", 0, "10"),
            new MethodOption { Key = "gamma", Description = "γ, the sufficient-decrease constant of the search", Default = "1e-4", Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true },
        ],
        a => new BarzilaiBorwein(a.Real("eta"), a.Choice("variant") == "bb2" ? BarzilaiBorweinVariant.BB2 : BarzilaiBorweinVariant.BB1,
            a.Real("min-step"), a.Real("max-step"), checked((int)a.Integer("memory")), a.Real("gamma")));

    /// <summary>The most halvings the line search tries before it reports <see cref="StopReason.LineSearchFailed"/>.</summary>
    public const int MaxTrials = 60;

    /// <summary>Creates the method.</summary>
    /// <param name="initialStepsize">η &gt; 0 for the first step and the fallback when sᵀy ≤ 0.</param>
    /// <param name="variant">BB1 (sᵀs/sᵀy, the default) or BB2 (sᵀy/yᵀy).</param>
    /// <param name="minStepsize">The least BB stepsize (&gt; 0), default 1e-30.</param>
    /// <param name="maxStepsize">The largest BB stepsize (≥ the least), default 1e30.</param>
    /// <param name="nonmonotoneMemory">M ≥ 0, how many past values of f the line search compares with (10 is customary; 0: no search).</param>
    /// <param name="sufficientDecrease">γ ∈ (0, 1), the sufficient-decrease constant of the search, default 1e-4.</param>
    public BarzilaiBorwein(double initialStepsize, BarzilaiBorweinVariant variant = BarzilaiBorweinVariant.BB1, double minStepsize = 1e-30,
        double maxStepsize = 1e30, int nonmonotoneMemory = 10, double sufficientDecrease = 1e-4)
    {
        InitialStepsize = initialStepsize;
        Variant = variant;
        MinStepsize = minStepsize;
        MaxStepsize = maxStepsize >= MinStepsize ? maxStepsize
            : throw new ArgumentOutOfRangeException(nameof(maxStepsize), maxStepsize, "MaxStepsize must be ≥ MinStepsize.");
        NonmonotoneMemory = nonmonotoneMemory;
        SufficientDecrease = sufficientDecrease;
    }

    /// <summary>η, the first and fallback stepsize.</summary>
    public double InitialStepsize { get; init => field = Validate.PositiveFinite(value, nameof(InitialStepsize)); }

    /// <summary>BB1 or BB2.</summary>
    public BarzilaiBorweinVariant Variant { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Variant), value, "Variant must be BB1 or BB2."); }

    /// <summary>The least BB stepsize.</summary>
    public double MinStepsize { get; init => field = Validate.PositiveFinite(value, nameof(MinStepsize)); }

    /// <summary>The largest BB stepsize.</summary>
    public double MaxStepsize { get; init => field = Validate.PositiveFinite(value, nameof(MaxStepsize)); }

    /// <summary>M, the window of the nonmonotone line search (0: no search).</summary>
    public int NonmonotoneMemory { get; init => field = Validate.AtLeast(value, 0, nameof(NonmonotoneMemory)); }

    /// <summary>γ, the sufficient-decrease constant of the search.</summary>
    public double SufficientDecrease { get; init => field = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(SufficientDecrease), value, "SufficientDecrease must be in (0, 1)."); }

    /// <inheritdoc />
    public string Name => "BB";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(this, start);

    private sealed class State : IMethodState
    {
        private readonly BarzilaiBorwein _settings;
        private readonly double[] _previousX, _previousGradient, _s, _y;
        private readonly Iterate _trial;
        // The last M accepted values of f, oldest overwritten first; the start's value is the first.
        private readonly double[] _recent;
        private int _recentCount, _recentNext;
        private bool _hasPrevious;

        public State(BarzilaiBorwein settings, Iterate start)
        {
            _settings = settings;
            int n = start.Dimension;
            (_previousX, _previousGradient, _s, _y) = (new double[n], new double[n], new double[n], new double[n]);
            _trial = new Iterate(n);
            _recent = new double[settings.NonmonotoneMemory];
            Remember(start.Value);
        }

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            double t = _settings.InitialStepsize;
            if (_hasPrevious)
            {
                TensorPrimitives.Subtract(iterate.X, _previousX, _s);
                TensorPrimitives.Subtract(iterate.Gradient, _previousGradient, _y);
                double sy = TensorPrimitives.Dot(_s, _y);
                double bb = _settings.Variant == BarzilaiBorweinVariant.BB1
                    ? TensorPrimitives.Dot(_s, _s) / sy
                    : sy / TensorPrimitives.Dot(_y, _y);
                if (sy > 0 && double.IsFinite(bb)) t = Math.Clamp(bb, _settings.MinStepsize, _settings.MaxStepsize);
            }
            iterate.X.CopyTo(_previousX);
            iterate.Gradient.CopyTo(_previousGradient);
            _hasPrevious = true;
            if (_recent.Length == 0) return oracle.TakeGradientStep(iterate, t, StepKind.Short);

            double reference = TensorPrimitives.Max(_recent.AsSpan(0, _recentCount));
            double decrease = _settings.SufficientDecrease * iterate.GradientNormSquared;
            for (int attempt = 0; attempt < MaxTrials; attempt++, t *= 0.5)
            {
                TensorPrimitives.MultiplyAdd(iterate.Gradient, -t, iterate.X, _trial.X);
                oracle.Evaluate(_trial);
                if (_trial.Value <= reference - decrease * t)
                {
                    iterate.CopyFrom(_trial);
                    Remember(iterate.Value);
                    return StepReport.Step(t, StepKind.Short);
                }
            }
            return StepReport.Halt(StopReason.LineSearchFailed,
                $"BB: no step satisfied the nonmonotone condition after {MaxTrials} halvings.");
        }

        private void Remember(double value)
        {
            if (_recent.Length == 0) return;
            _recent[_recentNext] = value;
            _recentNext = (_recentNext + 1) % _recent.Length;
            _recentCount = Math.Min(_recentCount + 1, _recent.Length);
        }

        public MethodMemory Save() =>
            new Memory((double[])_previousX.Clone(), (double[])_previousGradient.Clone(), _hasPrevious, (double[])_recent.Clone(), _recentCount, _recentNext);

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            MethodStateEntry.Vector(m.PreviousX, _previousX, "previousX");
            MethodStateEntry.Vector(m.PreviousGradient, _previousGradient, "previousGradient");
            _hasPrevious = m.HasPrevious;
            MethodStateEntry.Vector(m.Recent, _recent, "recent");
            _recentCount = MethodStateEntry.Count(m.RecentCount, _recent.Length, "recentCount");
            _recentNext = MethodStateEntry.Count(m.RecentNext, Math.Max(0, _recent.Length - 1), "recentNext");
        }

        /// <summary>The previous point and gradient (when there is one) and the ring of recent values the nonmonotone test compares with.</summary>
        private sealed record Memory(double[] PreviousX, double[] PreviousGradient, bool HasPrevious, double[] Recent, int RecentCount, int RecentNext) : MethodMemory;
    }
}
