using System.Numerics.Tensors;
using Ravine.Analysis;

namespace Ravine.Training;

/// <summary>
/// Measures the ravine picture on a network (see docs/NETWORKS.md): the Hessian's top eigenvalues and its share of
/// near-flat directions by Lanczos on exact Hessian-vector products over a fixed batch, the curvature along a direction,
/// and the growth order p from how the loss falls with the gradient norm.
/// </summary>
public static class RavineProbe
{
    /// <summary>The probe batch: the first examples of a seeded order of the training set, the same at every checkpoint of a run.</summary>
    public static int[] Batch(IMiniBatchObjective objective, RavineProbeOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        return ShuffledBatches.Permutation(objective.ExampleCount, seed ^ 0xA0761D6478BD642FUL)[..Math.Min(options.BatchSize, objective.ExampleCount)];
    }

    /// <summary>f and ‖∇f‖ on <paramref name="batch"/> at <paramref name="x"/>, and with <paramref name="spectrum"/> the Hessian's spectrum.</summary>
    public static RavineProbeResult Measure(IMiniBatchObjective objective, ReadOnlySpan<double> x, int[] batch, RavineProbeOptions options, int epoch, bool spectrum, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        var gradient = new double[x.Length];
        double loss = objective.Evaluate(x, batch, gradient);
        return new RavineProbeResult(epoch, loss, TensorPrimitives.Norm(gradient), spectrum ? Spectrum(objective, x.ToArray(), batch, options, seed) : null);
    }

    /// <summary>The Hessian's spectrum on <paramref name="batch"/> at <paramref name="x"/> by stochastic Lanczos quadrature.</summary>
    public static HessianSpectrum Spectrum(IMiniBatchObjective objective, double[] x, int[] batch, RavineProbeOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        void Hessian(ReadOnlySpan<double> v, Span<double> product) => objective.HessianVectorProduct(x, batch, v, product);
        var runs = Enumerable.Range(0, options.StartVectors)
            .Select(i => Lanczos.Run(Hessian, x.Length, options.LanczosSteps, seed + (ulong)i)).ToArray();
        double largest = runs.Max(r => r.RitzValues[0]);
        double threshold = options.FlatFraction * Math.Abs(largest);
        double share = runs.Average(r => r.RitzValues.Zip(r.Weights).Where(p => Math.Abs(p.First) <= threshold).Sum(p => p.Second));
        return new HessianSpectrum(runs[0].RitzValues.Take(5).ToArray(), runs.Min(r => r.RitzValues[^1]), share, share * x.Length, options.FlatFraction);
    }

    /// <summary>vᵀ∇²f v/‖v‖² on <paramref name="examples"/> at <paramref name="x"/>; <paramref name="product"/> is scratch of the dimension.</summary>
    public static double Curvature(IMiniBatchObjective objective, ReadOnlySpan<double> x, ReadOnlySpan<int> examples, ReadOnlySpan<double> direction, Span<double> product)
    {
        ArgumentNullException.ThrowIfNull(objective);
        objective.HessianVectorProduct(x, examples, direction, product);
        return TensorPrimitives.Dot(direction, product) / TensorPrimitives.Dot(direction, direction);
    }

    /// <summary>
    /// The growth order p from probes along a run, assuming f* = 0 (a network that interpolates): on a ravine
    /// f ~ δ^p and ‖∇f‖ ~ δ^(p−1), so log f = s·log‖∇f‖ + c with s = p/(p − 1), and p = s/(s − 1). NaN with fewer
    /// than three usable probes or a slope s ≤ 1 (no growth order fits).
    /// </summary>
    public static double GrowthOrder(IEnumerable<RavineProbeResult> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var usable = probes.Where(p => p.Loss > 0 && p.GradientNorm > 0 && double.IsFinite(p.Loss) && double.IsFinite(p.GradientNorm)).ToArray();
        if (usable.Length < RavineDiagnostics.MinimumSamples) return double.NaN;
        double s = RavineDiagnostics.LeastSquaresSlope(usable.Select(p => Math.Log(p.GradientNorm)).ToArray(), usable.Select(p => Math.Log(p.Loss)).ToArray());
        return s > 1 ? s / (s - 1) : double.NaN;
    }
}
