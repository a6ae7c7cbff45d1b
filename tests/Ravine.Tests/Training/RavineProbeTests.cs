using Ravine.Randomness;
using Ravine.Training;

namespace Ravine.Tests.Training;

/// <summary>Lanczos finds the top of a known spectrum, the curvature along a direction is exact on a quadratic, and the growth order is read right.</summary>
public class RavineProbeTests
{
    [Fact]
    public void Lanczos_finds_the_top_eigenvalues_of_a_diagonal_matrix()
    {
        var eigenvalues = Enumerable.Range(0, 200).Select(i => i < 5 ? 100.0 - 10 * i : 1.0 / (i + 1)).ToArray();
        var result = Lanczos.Run((v, p) => { for (int i = 0; i < v.Length; i++) p[i] = eigenvalues[i] * v[i]; }, 200, 30, seed: 1);
        Assert.Equal([100, 90, 80, 70, 60], result.RitzValues.Take(5).ToArray(), new ToleranceComparer(1e-8));
        Assert.Equal(1, result.Weights.Sum(), 1e-10);
    }

    [Fact]
    public void Lanczos_on_an_invariant_subspace_stops_with_exact_values()
    {
        var eigenvalues = new[] { 3.0, 3.0, 1.0, 1.0 };
        var result = Lanczos.Run((v, p) => { for (int i = 0; i < v.Length; i++) p[i] = eigenvalues[i] * v[i]; }, 4, 4, seed: 2);
        Assert.Equal([3.0, 1.0], result.RitzValues, new ToleranceComparer(1e-12));
    }

    [Fact]
    public void The_curvature_along_a_direction_is_exact_on_a_quadratic()
    {
        var model = new DiagonalQuadratic([4, 1, 0.25]);
        var v = new[] { 1.0, 2.0, -2.0 };
        double curvature = RavineProbe.Curvature(model, [1, 1, 1], [0], v, new double[3]);
        Assert.Equal((4 * 1 + 1 * 4 + 0.25 * 4) / 9.0, curvature, 1e-15);
    }

    [Fact]
    public void The_flat_share_estimates_the_zero_eigenvalues()
    {
        // 300 of 400 eigenvalues are 0: the quadrature's weight on Ritz values near 0 estimates that share.
        var eigenvalues = Enumerable.Range(0, 400).Select(i => i < 100 ? 1 + new Xoshiro256StarStar((ulong)i).NextDouble() * 9 : 0).ToArray();
        var model = new DiagonalQuadratic(eigenvalues);
        var spectrum = RavineProbe.Spectrum(model, new double[400], [0], new RavineProbeOptions { StartVectors = 8, LanczosSteps = 20 }, seed: 3);
        Assert.InRange(spectrum.FlatShare, 0.6, 0.9);
        Assert.Equal(spectrum.FlatShare * 400, spectrum.FlatDirections, 1e-9);
        // The top of a cluster of 100 close eigenvalues converges more slowly than isolated ones.
        Assert.InRange(spectrum.TopEigenvalues[0], 0.99 * eigenvalues.Max(), eigenvalues.Max() * (1 + 1e-12));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(4.0)]
    public void The_growth_order_is_read_from_loss_against_gradient_norm(double p)
    {
        // f = δ^p and ‖∇f‖ = p·δ^(p−1) along a ravine.
        var probes = new[] { 1.0, 0.5, 0.25, 0.1 }.Select((d, i) => new RavineProbeResult(i, Math.Pow(d, p), p * Math.Pow(d, p - 1), null));
        Assert.Equal(p, RavineProbe.GrowthOrder(probes), 1e-9);
    }

    [Fact]
    public void The_trainer_probes_every_epoch_and_measures_the_spectrum_when_asked()
    {
        var model = new SoftmaxRegression(7);
        var result = new Trainer(model, new SgdMomentum(), new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 1, ProbeEvery = 2, Probe = new() { BatchSize = 100, LanczosSteps = 10 } }).Train();
        Assert.Equal([0, 1, 2, 3], result.Probes.Select(p => p.Epoch));
        Assert.Equal([true, false, true, false], result.Probes.Select(p => p.Spectrum is not null));
        // Softmax regression is convex: its Hessian has no negative eigenvalue beyond rounding.
        Assert.All(result.Probes.Where(p => p.Spectrum is not null), p => Assert.True(p.Spectrum!.SmallestRitzValue > -1e-10));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));
        public int GetHashCode(double obj) => 0;
    }
}
