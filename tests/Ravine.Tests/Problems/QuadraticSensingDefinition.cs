using Ravine.Problems;

namespace Ravine.Tests.Problems;

/// <summary>The reference the quadratic sensing oracle is checked against, for any m, d and k.</summary>
internal static class QuadraticSensingDefinition
{
    /// <summary>f and ∇f straight from the definition, one measurement at a time, without the fused kernel.</summary>
    public static double Evaluate(QuadraticSensing problem, double[] x, double[] gradient)
    {
        int m = problem.MeasurementCount, d = problem.AmbientDimension, k = problem.Width;
        double[] a = problem.A, b = problem.B, y = problem.Y;
        Array.Clear(gradient);
        double f = 0;
        var p = new double[k];
        var q = new double[k];
        for (int i = 0; i < m; i++)
        {
            Array.Clear(p);
            Array.Clear(q);
            for (int j = 0; j < d; j++)
                for (int c = 0; c < k; c++)
                {
                    p[c] += a[i * d + j] * x[j * k + c];
                    q[c] += b[i * d + j] * x[j * k + c];
                }
            double r = p.Sum(v => v * v) - q.Sum(v => v * v) - y[i];
            f += r * r / m;
            for (int j = 0; j < d; j++)
                for (int c = 0; c < k; c++)
                    gradient[j * k + c] += 4.0 / m * r * (a[i * d + j] * p[c] - b[i * d + j] * q[c]);
        }
        return f;
    }
}
