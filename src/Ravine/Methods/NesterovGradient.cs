using System.Numerics.Tensors;
using Ravine.Optimization;

namespace Ravine.Methods;

/// <summary>
/// Nesterov's accelerated gradient method with a constant stepsize η and momentum (k − 1)/(k + 2)
/// (Nesterov 1983): x_{k+1} = y_k − η∇f(y_k), y_{k+1} = x_{k+1} + β_k (x_{k+1} − x_k). One oracle call per step,
/// at y, so the trace records f(y_k). A rival users pick instead of GDPolyak; it is not adaptive to the ravine.
/// </summary>
public sealed record NesterovGradient : IMethod
{
    /// <summary>The registry's entry: <c>nesterov</c> with its option <c>eta</c>.</summary>
    public static MethodDescriptor Descriptor { get; } = new("nesterov", "Nesterov's accelerated gradient with a constant stepsize η",
        [MethodOption.Positive("eta", "η, the constant stepsize (about 1/L)", required: true).Tuned()],
        a => new NesterovGradient(a.Real("eta")));

    /// <summary>Creates the method.</summary>
    /// <param name="stepsize">η &gt; 0, about 1/L.</param>
    public NesterovGradient(double stepsize) => Stepsize = stepsize;

    /// <summary>The constant stepsize η.</summary>
    public double Stepsize { get; init => field = Validate.PositiveFinite(value, nameof(Stepsize)); }

    /// <inheritdoc />
    public string Name => "Nesterov";

    /// <inheritdoc />
    public long? PlannedSteps => null;

    /// <inheritdoc />
    public IMethodState Start(Iterate start, Oracle oracle) => new State(Stepsize, start.X);

    private sealed class State(double stepsize, ReadOnlySpan<double> x0) : IMethodState
    {
        private readonly double[] _x = x0.ToArray();
        private readonly double[] _xNext = new double[x0.Length];
        private int _k = 1;

        public StepReport Step(Iterate iterate, Oracle oracle)
        {
            // iterate holds y_k; x_{k+1} = y_k − η∇f(y_k).
            TensorPrimitives.MultiplyAdd(iterate.Gradient, -stepsize, iterate.X, _xNext);
            double beta = (_k - 1.0) / (_k + 2.0);
            var y = iterate.X;
            for (int i = 0; i < y.Length; i++)
                y[i] = _xNext[i] + beta * (_xNext[i] - _x[i]);
            _xNext.CopyTo(_x, 0);
            _k++;
            oracle.Evaluate(iterate);
            return StepReport.Step(stepsize, StepKind.Short);
        }

        public MethodMemory Save() => new Memory((double[])_x.Clone(), _k);

        public void Restore(MethodMemory memory)
        {
            var m = memory.As<Memory>();
            MethodStateEntry.Vector(m.X, _x, "x");
            _k = MethodStateEntry.Count(m.K, int.MaxValue, "k");
        }

        /// <summary>The last gradient-step point x_k (the iterate holds the extrapolated y_k) and the step count k.</summary>
        private sealed record Memory(double[] X, int K) : MethodMemory;
    }
}
