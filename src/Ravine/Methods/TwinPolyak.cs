using Ravine.Optimization;
using static System.FormattableString;

namespace Ravine.Methods;

/// <summary>
/// Twin Polyak (Abdukhakimov, Pham, Horváth, Takáč and Hanzely, "Polyak stepsize: estimating optimal functional values
/// without parameters or prior knowledge", arXiv 2508.17288): two sequences of iterates; each iteration the one with
/// the higher f takes a Polyak step that uses the other's f as its f* estimate, and the lower one stays. f* is never
/// needed. One oracle call per iteration (only the point that moved is evaluated); the run reports the lower twin, so
/// its f never rises, and the trace's f* estimate is the lower twin's f.
/// </summary>
/// <remarks>
/// <para>
/// The paper's algorithm could not be read here beyond its abstract and a summary, so this is the rule as those state
/// it, with two choices of ours. First, the step is c·(f(x) − f(y))/‖∇f(x)‖² with c = <see cref="GapFactor"/>,
/// 2 by default: with c = 1 a convex f gives f(x − t∇f(x)) ≥ f(x) − t‖∇f(x)‖² = f(y), so the higher twin could only
/// approach the lower one's level from above and the lower one would never move again. Second, the paper starts from
/// two points and Ravine's runs from one: the twin starts one Polyak step from x₀ towards <see cref="TwinStartValue"/>
/// (0 by default, a lower bound of every least-squares loss), taken as the first iteration.
/// </para>
/// <para>When the twins' values meet exactly, the Polyak step is zero and the run stops with <see cref="StopReason.OptimalValueReached"/>.</para>
/// </remarks>
public sealed record TwinPolyak : IMethod
{
    /// <summary>The registry's entry: <c>twin-polyak</c> with its options <c>gap-factor</c> and <c>twin-start</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("twin-polyak", "Twin Polyak: two iterates, the higher takes a Polyak step to the lower one's f; no f* needed",
        [
            new MethodOption { Key = "gap-factor", Description = "c, the multiple of the gap f(x) − f(y) in the Polyak step", Default = "2", Minimum = 0, MinimumExclusive = true, Maximum = 2 },
            new MethodOption { Key = "twin-start", Description = "the value the twin's first Polyak step from x₀ aims at (below f(x₀))", Default = "0" },
        ],
        a => new TwinPolyak(a.Real("gap-factor"), a.Real("twin-start")));

    /// <summary>Creates the method.</summary>
    /// <param name="gapFactor">c in (0, 2]: the step is c·(f(x) − f(y))/‖∇f(x)‖² (see remarks).</param>
    /// <param name="twinStartValue">The value the twin's first step aims at; 0 suits nonnegative losses.</param>
    public TwinPolyak(double gapFactor = 2, double twinStartValue = 0)
    {
        GapFactor = gapFactor;
        TwinStartValue = twinStartValue;
    }

    /// <summary>c in (0, 2], the multiple of the gap between the twins' values in the Polyak step.</summary>
    public double GapFactor
    {
        get;
        init => field = value > 0 && value <= 2 ? value : throw new ArgumentOutOfRangeException(nameof(GapFactor), value, $"{nameof(GapFactor)} must be in (0, 2].");
    }

    /// <summary>
    /// The value the twin's first Polyak step from x₀ aims at. When f(x₀) is not above it, the first step aims at a
    /// gap of 10⁻⁶·max(|f(x₀)|, 1) instead.
    /// </summary>
    public double TwinStartValue { get; init => field = Validate.Finite(value, nameof(TwinStartValue)); }

    /// <inheritdoc />
    public string Name => "TwinPolyak";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    /// <remarks>The estimate is the lower twin's f, the f* the higher twin's Polyak step uses.</remarks>
    public TraceColumns TraceColumns => TraceColumns.OptimalValueEstimate;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(GapFactor, TwinStartValue, start.Dimension);

    private sealed class State(double gapFactor, double twinStartValue, int dimension) : IMethodState
    {
        // The run's iterate is the lower twin; these hold the higher one and a buffer to swap them without allocating.
        private readonly Iterate _twin = new(dimension);
        private readonly Iterate _spare = new(dimension);
        private bool _twinStarted;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            StepReport report;
            if (!_twinStarted)
            {
                _twin.CopyFrom(iterate);
                double gap = iterate.Value - twinStartValue;
                if (!(gap > 0)) gap = 1e-6 * Math.Max(Math.Abs(iterate.Value), 1);
                report = oracle.TakeGradientStep(_twin, gap / iterate.GradientNormSquared, StepKind.Long);
                if (!report.Taken) return report;
                _twinStarted = true;
            }
            else
            {
                double gap = _twin.Value - iterate.Value;
                // The run's iterate is finite, so this is a step the method cannot take, not a value of the run.
                if (!double.IsFinite(gap))
                    return StepReport.Halt(StopReason.NonFiniteStep, Invariant($"The higher twin's f is {_twin.Value}: its Polyak step is not finite."));
                if (!(gap > 0))
                    return StepReport.Halt(StopReason.OptimalValueReached,
                        Invariant($"Both twins have f = {iterate.Value:g6}: the Polyak step between them is zero."));
                report = oracle.TakeGradientStep(_twin, gapFactor * gap / _twin.GradientNormSquared, StepKind.Long);
                if (!report.Taken) return report;
            }
            double estimate = Math.Min(iterate.Value, _twin.Value);
            if (_twin.Value < iterate.Value)
            {
                _spare.CopyFrom(iterate);
                iterate.CopyFrom(_twin);
                _twin.CopyFrom(_spare);
            }
            return report.WithEstimate(estimate);
        }

        public MethodMemory Save() => new Memory(_twin.X.ToArray(), _twin.Gradient.ToArray(), _twin.Value, _twin.GradientNormSquared, _twinStarted);

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            MethodStateEntry.Vector(m.TwinX, _twin.X, "twinX");
            MethodStateEntry.Vector(m.TwinGradient, _twin.GradientStorage, "twinGradient");
            (_twin.Value, _twin.GradientNormSquared, _twinStarted) = (m.TwinValue, m.TwinGradientNormSquared, m.TwinStarted);
        }

        /// <summary>The higher twin's point, gradient, f and ‖∇f‖², and whether it exists yet (it is made by the first step).</summary>
        private sealed record Memory(double[] TwinX, double[] TwinGradient, double TwinValue, double TwinGradientNormSquared, bool TwinStarted) : MethodMemory;
    }
}
