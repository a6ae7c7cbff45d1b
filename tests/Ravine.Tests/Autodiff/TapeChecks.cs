using Ravine.Autodiff;
using Ravine.Randomness;

namespace Ravine.Tests.Autodiff;

/// <summary>Finite-difference checks of a tensor program's gradient and Hessian-vector product, shared by the tape's tests.</summary>
internal static class TapeChecks
{
    /// <summary>The largest error of the tape's gradient against central differences, relative to max(1, ‖g‖∞).</summary>
    public static double GradientError(TensorObjective objective, double[] x, double step = 1e-6)
    {
        int n = objective.Dimension;
        var gradient = new double[n];
        objective.Evaluate(x, gradient);
        var scratch = new double[n];
        var probe = (double[])x.Clone();
        double worst = 0, scale = Math.Max(1, gradient.Max(Math.Abs));
        for (int i = 0; i < n; i++)
        {
            probe[i] = x[i] + step;
            double up = objective.Evaluate(probe, scratch);
            probe[i] = x[i] - step;
            double down = objective.Evaluate(probe, scratch);
            probe[i] = x[i];
            worst = Math.Max(worst, Math.Abs((up - down) / (2 * step) - gradient[i]) / scale);
        }
        return worst;
    }

    /// <summary>The error of the tape's ∇²f·v against central differences of its exact gradient, relative to max(1, ‖Hv‖∞).</summary>
    public static double HessianVectorError(TensorObjective objective, double[] x, double[] v, double step = 1e-6)
    {
        int n = objective.Dimension;
        var product = new double[n];
        objective.HessianVectorProduct(x, v, product);
        var up = new double[n];
        var down = new double[n];
        objective.Evaluate(x.Select((xi, i) => xi + step * v[i]).ToArray(), up);
        objective.Evaluate(x.Select((xi, i) => xi - step * v[i]).ToArray(), down);
        double worst = 0, scale = Math.Max(1, product.Max(Math.Abs));
        for (int i = 0; i < n; i++)
            worst = Math.Max(worst, Math.Abs((up[i] - down[i]) / (2 * step) - product[i]) / scale);
        return worst;
    }

    public static double[] Gaussians(ulong seed, int count, double scale = 1) =>
        new Xoshiro256StarStar(seed).NextGaussians(count).Select(v => v * scale).ToArray();
}
