using Ravine.Optimization;
using static System.FormattableString;

namespace Ravine.Methods;

/// <summary>
/// The adaptive Polyak method of Hazan and Kakade ("Revisiting the Polyak step size", arXiv 1905.00313): Polyak steps
/// x ← x − ((f(x) − f̂)/‖∇f(x)‖²) ∇f(x) with a lower bound f̂ ≤ f* in place of f*, run in phases; a phase that fails to
/// make progress raises the bound halfway to the best value seen, f̂ ← (f_best + f̂)/2. One oracle call per step; the
/// trace's f* estimate column holds f̂.
/// </summary>
/// <remarks>
/// <para>
/// Why halving keeps f̂ ≤ f*: for convex f a step with f̂ in place of f* still brings x closer to every minimizer while
/// f − f* &gt; f* − f̂. When a phase stops making progress the best value is within f* − f̂ of f*, so the midpoint of
/// f_best and f̂ is still at most f*. Here a phase of <see cref="PhaseLength"/> steps fails when it does not halve
/// f_best − f̂; the paper sets the phase length from constants users do not know. Without convexity, or where Polyak
/// steps converge too slowly to halve the gap within a phase (fourth-order growth), the bound can pass f*; the steps
/// then approach the bound's level from above and the run stalls there.
/// </para>
/// <para>
/// The starting bound defaults to 0: every loss of the paper's problems and of the test set is a sum of squares, so 0
/// is a lower bound there, and the method requires one. Give a lower value for a loss that can be negative. When f
/// falls to f̂ the bound was not below f* (or f* is reached) and the run stops with
/// <see cref="StopReason.OptimalValueReached"/>.
/// </para>
/// </remarks>
public sealed record HazanKakadePolyak : IMethod
{
    /// <summary>The registry's entry: <c>polyak-hk</c> with its options <c>lower-bound</c> and <c>phase</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("polyak-hk", "Hazan–Kakade adaptive Polyak: Polyak steps on a lower bound of f*, raised halfway when a phase stalls",
        [
            new MethodOption { Key = "lower-bound", Description = "f̂₀, the starting lower bound of f* (0 suits nonnegative losses)", Default = "0" },
            MethodOption.Count("phase", "steps per phase; a phase that does not halve f_best − f̂ raises f̂", 1, "100"),
        ],
        a => new HazanKakadePolyak(a.Real("lower-bound")) { PhaseLength = (int)a.Integer("phase") });

    /// <summary>Creates the method.</summary>
    /// <param name="lowerBound">f̂₀ ≤ f*, the starting lower bound (see remarks for the default 0).</param>
    public HazanKakadePolyak(double lowerBound = 0) => LowerBound = lowerBound;

    /// <summary>f̂₀, the starting lower bound of f*.</summary>
    public double LowerBound { get; init => field = Validate.Finite(value, nameof(LowerBound)); }

    /// <summary>Steps per phase (default 100): a phase that does not halve f_best − f̂ raises the bound.</summary>
    public int PhaseLength { get; init => field = Validate.AtLeast(value, 1, nameof(PhaseLength)); } = 100;

    /// <inheritdoc />
    public string Name => "Polyak-HK";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    /// <remarks>The estimate is the lower bound f̂ on f* the Polyak steps use; the note marks where a phase raised it.</remarks>
    public TraceColumns TraceColumns => TraceColumns.Note | TraceColumns.OptimalValueEstimate;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(LowerBound, PhaseLength, start.Value);

    private sealed class State(double lowerBound, int phaseLength, double startValue) : IMethodState
    {
        private double _bound = lowerBound;
        private double _best = startValue;
        private double _phaseStartBest = startValue;
        private int _phaseSteps;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            _best = Math.Min(_best, iterate.Value);
            string? note = null;
            if (_phaseSteps == phaseLength)
            {
                if (!(_best - _bound <= 0.5 * (_phaseStartBest - _bound)))
                {
                    _bound = 0.5 * (_best + _bound);
                    note = "bound raised";
                }
                (_phaseSteps, _phaseStartBest) = (0, _best);
            }
            if (iterate.Value <= _bound)
                return StepReport.Halt(StopReason.OptimalValueReached,
                    Invariant($"f = {iterate.Value:g6} ≤ the lower bound f̂ = {_bound:g6}: the Polyak step is zero."));
            _phaseSteps++;
            return oracle.TakeGradientStep(iterate, PolyakStepsize.Compute(iterate.Value, _bound, iterate.GradientNormSquared), StepKind.Long)
                .WithEstimate(_bound).WithNote(note);
        }

        public MethodMemory Save() => new Memory(_bound, _best, _phaseStartBest, _phaseSteps);

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            (_bound, _best, _phaseStartBest) = (m.Bound, m.Best, m.PhaseStartBest);
            _phaseSteps = MethodStateEntry.Count(m.PhaseSteps, phaseLength, "phaseSteps");
        }

        /// <summary>The bound f̂, the best f so far and at the phase's start, and the steps taken in the phase.</summary>
        private sealed record Memory(double Bound, double Best, double PhaseStartBest, int PhaseSteps) : MethodMemory;
    }
}
