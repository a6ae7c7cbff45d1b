using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Limited-memory BFGS (Liu and Nocedal, 1989) with the two-loop recursion, initial scaling γ = sᵀy/yᵀy and Armijo
/// backtracking from the unit step. Pairs with sᵀy ≤ 1e-10·‖s‖‖y‖ are skipped and leave the stored pairs untouched
/// (keeps H positive definite); a direction that is not a descent direction resets the memory. Several oracle calls per
/// iteration, all counted.
/// </summary>
public sealed record LBfgs : IMethod
{
    /// <summary>The registry's entry: <c>lbfgs</c> with its option <c>memory</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("lbfgs", "L-BFGS with Armijo backtracking",
        [MethodOption.Count("memory", "how many (s, y) pairs to keep", 1, "10")],
        a => new LBfgs(checked((int)a.Integer("memory"))));

    /// <summary>Creates the method.</summary>
    /// <param name="memory">How many (s, y) pairs to keep, ≥ 1 (10 is customary).</param>
    public LBfgs(int memory = 10) => Memory = memory;

    /// <summary>The number of stored (s, y) pairs.</summary>
    public int Memory { get; init => field = Validate.AtLeast(value, 1, nameof(Memory)); }

    /// <inheritdoc />
    public string Name => "L-BFGS";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(Memory, start.Dimension);

    private sealed class State : IMethodState
    {
        private readonly double[][] _s, _y;
        // The candidate pair is formed here, not in the ring: a pair that fails the curvature test must not overwrite
        // the oldest live pair, whose ρ would then belong to another pair and make H indefinite.
        private double[] _sCandidate, _yCandidate;
        private readonly double[] _rho, _alpha, _direction, _previousX, _previousGradient;
        private readonly Iterate _trial;
        private int _count, _newest = -1;

        public State(int memory, int dimension)
        {
            _s = new double[memory][];
            _y = new double[memory][];
            for (int i = 0; i < memory; i++)
            {
                _s[i] = new double[dimension];
                _y[i] = new double[dimension];
            }
            _sCandidate = new double[dimension];
            _yCandidate = new double[dimension];
            _rho = new double[memory];
            _alpha = new double[memory];
            _direction = new double[dimension];
            _previousX = new double[dimension];
            _previousGradient = new double[dimension];
            _trial = new Iterate(dimension);
        }

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            ComputeDirection(iterate.Gradient);
            double slope = TensorPrimitives.Dot(iterate.Gradient, _direction);
            if (!(slope < 0))
            {
                _count = 0;
                ComputeDirection(iterate.Gradient);
                slope = -iterate.GradientNormSquared;
            }
            iterate.X.CopyTo(_previousX);
            iterate.Gradient.CopyTo(_previousGradient);
            double t = ArmijoBacktracking.Search(iterate, _trial, _direction, slope, 1.0, oracle);
            if (double.IsNaN(t)) return ArmijoBacktracking.Failed("L-BFGS", iterate.Value, 1.0, slope);
            Remember(iterate);
            return StepReport.Step(t, StepKind.Short);
        }

        private void ComputeDirection(ReadOnlySpan<double> gradient)
        {
            var q = _direction.AsSpan();
            gradient.CopyTo(q);
            int m = _s.Length;
            for (int j = 0; j < _count; j++)
            {
                int i = (_newest - j + m) % m;
                _alpha[i] = _rho[i] * TensorPrimitives.Dot(_s[i], q);
                TensorPrimitives.MultiplyAdd(_y[i], -_alpha[i], q, q);
            }
            if (_count > 0)
                TensorPrimitives.Multiply(q, 1 / (_rho[_newest] * TensorPrimitives.Dot(_y[_newest], _y[_newest])), q);
            for (int j = _count - 1; j >= 0; j--)
            {
                int i = (_newest - j + m) % m;
                double beta = _rho[i] * TensorPrimitives.Dot(_y[i], q);
                TensorPrimitives.MultiplyAdd(_s[i], _alpha[i] - beta, q, q);
            }
            TensorPrimitives.Negate(q, q);
        }

        private void Remember(Iterate iterate)
        {
            TensorPrimitives.Subtract(iterate.X, _previousX, _sCandidate);
            TensorPrimitives.Subtract(iterate.Gradient, _previousGradient, _yCandidate);
            double sy = TensorPrimitives.Dot(_sCandidate, _yCandidate);
            if (!(sy > 1e-10 * TensorPrimitives.Norm(_sCandidate) * TensorPrimitives.Norm(_yCandidate))) return;
            int m = _s.Length;
            int slot = (_newest + 1) % m;
            // Swapping buffers admits the pair without a copy and without allocating.
            (_s[slot], _sCandidate) = (_sCandidate, _s[slot]);
            (_y[slot], _yCandidate) = (_yCandidate, _y[slot]);
            _rho[slot] = 1 / sy;
            _newest = slot;
            _count = Math.Min(_count + 1, m);
        }

        public MethodMemory Save() =>
            new Memory(_count, _newest, (double[])_rho.Clone(), [.. _s.Select(s => (double[])s.Clone())], [.. _y.Select(y => (double[])y.Clone())]);

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            _count = MethodStateEntry.Count(m.Count, _s.Length, "count");
            // −1 before the first pair is stored.
            _newest = MethodStateEntry.Count(m.Newest + 1, _s.Length, "newest") - 1;
            MethodStateEntry.Vector(m.Rho, _rho, "rho");
            if (m.S.Length != _s.Length || m.Y.Length != _y.Length)
                throw new FormatException($"The saved method state has {m.S.Length} pairs, not the {_s.Length} this method keeps.");
            for (int i = 0; i < _s.Length; i++)
            {
                MethodStateEntry.Vector(m.S[i], _s[i], $"s.{i}");
                MethodStateEntry.Vector(m.Y[i], _y[i], $"y.{i}");
            }
        }

        /// <summary>The stored pairs (s, y) with their 1/(s·y), how many are filled and the slot of the newest (−1 before the first).</summary>
        private sealed record Memory(int Count, int Newest, double[] Rho, double[][] S, double[][] Y) : MethodMemory;
    }
}
