using MathNet.Numerics.LinearAlgebra;
using Ravine.Objectives;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems.TestSet;

/// <summary>The measurements behind the degeneracy claims: a finite-difference Hessian's spectrum and growth orders.</summary>
internal static class Degeneracy
{
    /// <summary>The Hessian at x by central differences of the analytic gradient, symmetrized.</summary>
    public static Matrix<double> Hessian(IObjective problem, double[] x, double step = 1e-5)
    {
        int n = x.Length;
        var h = Matrix<double>.Build.Dense(n, n);
        for (int j = 0; j < n; j++)
        {
            var up = (double[])x.Clone();
            var down = (double[])x.Clone();
            up[j] += step;
            down[j] -= step;
            double[] gUp = Gradient(problem, up), gDown = Gradient(problem, down);
            for (int i = 0; i < n; i++) h[i, j] = (gUp[i] - gDown[i]) / (up[j] - down[j]);
        }
        return (h + h.Transpose()) / 2;
    }

    /// <summary>The eigenvalues of the symmetric matrix, ascending.</summary>
    public static double[] Eigenvalues(Matrix<double> symmetric) =>
        symmetric.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).Order().ToArray();

    /// <summary>The number of eigenvalues above 1e-6 times the largest: finite-difference noise is ~1e-10 relative.</summary>
    public static int Rank(Matrix<double> symmetric)
    {
        double[] eigenvalues = Eigenvalues(symmetric);
        double largest = eigenvalues.Max(Math.Abs);
        return eigenvalues.Count(v => Math.Abs(v) > 1e-6 * largest);
    }

    /// <summary>
    /// The local growth order p in f(x* + t·v) − f* ≈ C·tᵖ, read from two points: log₂ of the ratio at 2t and t.
    /// </summary>
    public static double GrowthOrder(IObjective problem, double[] minimizer, double[] direction, double t) =>
        Math.Log2(Value(problem, Add(minimizer, direction, 2 * t)) / Value(problem, Add(minimizer, direction, t)));

    public static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    public static double[] Axis(int n, int i)
    {
        var e = new double[n];
        e[i] = 1;
        return e;
    }
}
