using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Examples;

/// <summary>
/// Your own objective: f(X) = ¼‖XXᵀ − M‖²_F over X ∈ R^{d×k} (row-major in x), for a symmetric M of rank r &lt; k.
/// Over-parameterized (k &gt; r), so the minimum f* = 0 is flat: f grows only like the fourth power of the distance.
/// ∇f(X) = (XXᵀ − M) X.
/// </summary>
public sealed class SymmetricFactorization : IObjective, IKnowsOptimalValue
{
    private readonly double[] _m;
    private readonly int _d, _k;
    private readonly double[] _residual; // XXᵀ − M, reused so that an oracle call allocates nothing

    public SymmetricFactorization(double[] m, int d, int k)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Length != d * d) throw new ArgumentException($"M has {m.Length} entries, expected {d}×{d}.", nameof(m));
        (_m, _d, _k, _residual) = ((double[])m.Clone(), d, k, new double[d * d]);
    }

    public int Dimension => _d * _k;

    public double OptimalValue => 0;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double f = 0;
        for (int i = 0; i < _d; i++)
            for (int j = 0; j < _d; j++)
            {
                double xxt = 0;
                for (int c = 0; c < _k; c++) xxt += x[i * _k + c] * x[j * _k + c];
                double r = xxt - _m[i * _d + j];
                _residual[i * _d + j] = r;
                f += r * r;
            }
        for (int i = 0; i < _d; i++)
            for (int c = 0; c < _k; c++)
            {
                double g = 0;
                for (int j = 0; j < _d; j++) g += _residual[i * _d + j] * x[j * _k + c];
                gradient[i * _k + c] = g;
            }
        return f / 4;
    }
}

public static class OwnObjectiveExample
{
    /// <summary>Checks the gradient, runs GDPolyak and plain GD with the same budget, and reports both.</summary>
    public static (MinimizeResult GdPolyak, MinimizeResult Gd) Run(TextWriter output)
    {
        // M = zzᵀ has rank 1; factor it with k = 2 columns (over-parameterized).
        double[] z = [1.0, -0.5, 0.25, 0.8];
        int d = z.Length, k = 2;
        var m = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                m[i * d + j] = z[i] * z[j];
        var objective = new SymmetricFactorization(m, d, k);
        double[] x0 = [0.3, 0.1, -0.2, 0.4, 0.5, -0.3, 0.1, 0.2];

        // 1. Check the gradient against finite differences before trusting any run.
        var check = GradientChecker.Check(objective, x0);
        output.WriteLine(check);
        if (!check.Passed(1e-6))
            throw new InvalidOperationException($"The gradient is wrong: {check}");

        // 2. Pick a method: GDPolyak takes K short steps of size η, then one Polyak step (f − f*)/‖∇f‖², per epoch.
        var gdPolyak = new GdPolyak(stepsize: 0.2, shortSteps: 50, epochs: 40, optimalValue: 0);
        var options = new MinimizeOptions { GapTolerance = 1e-20 };
        var result = Minimizer.Minimize(objective, x0, gdPolyak, options);

        // 3. The same budget of plain gradient descent, for comparison.
        var gd = Minimizer.Minimize(objective, x0, new GradientDescent(0.2), options with { MaxIterations = result.Iterations });

        // 4. Read the results: why each run stopped, its cost, and the final gap f − f*.
        output.WriteLine(result);
        output.WriteLine(gd);
        output.WriteLine($"GDPolyak gap {result.Gap:E2} vs GD gap {gd.Gap:E2} after {result.Iterations} steps");

        // 5. Read the trace: one row per iteration. The long steps grow geometrically, epoch after epoch.
        var trace = result.Trace;
        for (int row = 0; row < trace.Count; row++)
            if (trace.Kind[row] == StepKind.Long)
                output.WriteLine($"iteration {trace.Iteration[row],5}: gap {trace.Gap[row]:E2}, long step {trace.Stepsize[row]:E2}");
        return (result, gd);
    }
}
