using Ravine.Cli.Paper;
using MathNet.Numerics.LinearAlgebra;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Randomness;
using Xunit.Abstractions;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems;

public class MatrixFactorizationTests(ITestOutputHelper output)
{
    private static readonly MatrixFactorization Published = MatrixFactorization.Generate(ProblemRegistry.DefaultSeed);

    /// <summary>f = ¼‖XXᵀ − X♮X♮ᵀ‖² and ∇f = (XXᵀ − X♮X♮ᵀ)X with the d×d matrices formed.</summary>
    private static double Reference(MatrixFactorization problem, double[] x, double[] gradient)
    {
        int d = problem.AmbientDimension, k = problem.Width;
        var xm = Matrix<double>.Build.DenseOfRowMajor(d, k, x);
        var truth = Matrix<double>.Build.DenseOfRowMajor(d, k, problem.Truth);
        var residual = xm * xm.Transpose() - truth * truth.Transpose();
        (residual * xm).ToRowMajorArray().CopyTo(gradient, 0);
        return 0.25 * Math.Pow(residual.FrobeniusNorm(), 2);
    }

    [Fact]
    public void Value_and_gradient_match_the_definition_at_random_points()
    {
        var rng = new Xoshiro256StarStar(41);
        var small = MatrixFactorization.Generate(6, dimension: 9, rank: 3, width: 5);
        foreach (var problem in new[] { Published, small })
        {
            AssertMatchesReference(problem, rng.NextGaussians(problem.Dimension), (x, gradient) => Reference(problem, x, gradient));
        }
    }

    [Fact]
    public void Gradient_check_passes_at_random_points()
    {
        var rng = new Xoshiro256StarStar(42);
        for (int trial = 0; trial < 3; trial++)
        {
            var check = GradientChecker.Check(Published, rng.NextGaussians(Published.Dimension));
            Assert.True(check.Passed(1e-6), check.ToString());
        }
    }

    [Theory]
    [InlineData(1e-2)]
    [InlineData(1e-3)]
    public void Gradient_check_passes_near_the_solution_set(double offset)
    {
        var rng = new Xoshiro256StarStar(43);
        double[] x = Add(Rotate(Published.Truth, RandomOrthogonal(rng, 4)), rng.NextGaussians(Published.Dimension), offset);
        var check = GradientChecker.Check(Published, x);
        Assert.True(check.Passed(1e-6), check.ToString());
    }

    [Fact]
    public void On_the_solution_set_f_and_the_distance_vanish()
    {
        var rng = new Xoshiro256StarStar(44);
        for (int trial = 0; trial < 3; trial++)
        {
            double[] solution = Rotate(Published.Truth, RandomOrthogonal(rng, 4));
            double f = Value(Published, solution), distance = Published.DistanceToSolutions(solution);
            output.WriteLine($"f = {f:E2}, dist = {distance:E2}");
            Assert.True(f <= 1e-28, $"f = {f:E3}");
            Assert.True(distance <= 1e-14, $"dist = {distance:E3}");
        }
    }

    [Fact]
    public void Near_the_solution_set_f_keeps_its_relative_accuracy()
    {
        // Along X = (1 + t)X♮: XXᵀ − M♮ = ((1 + t)² − 1)M♮, so f = ¼((1 + t)² − 1)²‖M♮‖² exactly; the Gram-matrix
        // identity ‖XᵀX‖² − 2‖X♮ᵀX‖² + ‖X♮ᵀX♮‖² would lose it in round-off below f ≈ 1e-16.
        var truth = Matrix<double>.Build.DenseOfRowMajor(100, 4, Published.Truth);
        double squares = Math.Pow((truth * truth.Transpose()).FrobeniusNorm(), 2);
        foreach (double t in new[] { 1e-6, 1e-9 })
        {
            double[] x = Published.Truth.Select(v => (1 + t) * v).ToArray();
            double expected = 0.25 * Math.Pow(t * (2 + t), 2) * squares;
            double f = Value(Published, x);
            Assert.True(Math.Abs(f - expected) <= 1e-6 * expected, $"t = {t}: f = {f:E6}, expected {expected:E6}");
        }
    }

    [Fact]
    public void The_distance_is_invariant_under_rotations()
    {
        var rng = new Xoshiro256StarStar(45);
        double[] x = rng.NextGaussians(Published.Dimension);
        Assert.Equal(Published.DistanceToSolutions(x), Published.DistanceToSolutions(Rotate(x, RandomOrthogonal(rng, 4))), 1e-12);
        double[] scaled = Rotate(Published.Truth, RandomOrthogonal(rng, 4)).Select(v => 0.25 * v).ToArray();
        Assert.Equal(0.75, Published.DistanceToSolutions(scaled), 1e-14);
    }

    [Fact]
    public void GdPolyak_with_the_published_settings_reaches_a_gap_below_1e_15_and_beats_gd_and_polyak()
    {
        var settings = PublishedExperiments.For("matrix-factorization")!;
        Assert.Equal((0.5, 100, 50), (settings.Stepsize, settings.ShortSteps, settings.Epochs));
        double Best(IMethod method, int steps)
        {
            var result = Minimizer.Minimize(Published, Published.Start, method, new MinimizeOptions { MaxIterations = steps });
            double best = double.PositiveInfinity;
            foreach (double distance in result.Trace.Distance) best = Math.Min(best, distance);
            output.WriteLine($"{method.Name}: {result}; best f = {result.BestValue:E2}, final gap {result.Gap:E2}, best dist = {best:E2}");
            if (method is GdPolyak)
            {
                Assert.True(result.BestValue < 1e-15, $"best gap {result.BestValue:E3}");
                Assert.True(result.Gap <= 1e-12, $"final gap {result.Gap:E3}");
            }
            return best;
        }
        double gdPolyak = Best(new GdPolyak(settings.Stepsize, settings.ShortSteps, settings.Epochs, 0), int.MaxValue);
        double gd = Best(new GradientDescent(settings.Stepsize), settings.BaselineSteps);
        double polyak = Best(new PolyakStep(0), settings.BaselineSteps);
        Assert.True(10 * gdPolyak <= Math.Min(gd, polyak), $"GDPolyak {gdPolyak:E2}, GD {gd:E2}, Polyak {polyak:E2}");
    }

    [Fact]
    public void The_seeded_instance_is_pinned()
    {
        // SHA-256 of the little-endian bytes of X♮ (padded d×k) then X0.
        string hash = Sha256Hex([.. Published.Truth, .. Published.Start]);
        output.WriteLine(hash);
        Assert.Equal("B173438A1FA9FFFDB62D745F917E404F8D38C0A6075DBCE904703D0430591406", hash);
    }

    [Fact]
    public void The_truth_is_drawn_as_in_quadratic_sensing()
    {
        // Both draw G first from the same seed, so they share X♮.
        Assert.Equal(QuadraticSensing.Generate(ProblemRegistry.DefaultSeed).Truth, Published.Truth);
        Assert.Equal(1, Published.Start.Sum(v => v * v), 1e-14);
        Assert.Equal(400, Published.Dimension);
        Assert.Equal(14_400, Published.OracleFlops);
        Assert.Equal("matrix-factorization", Published.Name);
    }

    [Fact]
    public void Evaluating_allocates_nothing()
    {
        Assert.Equal(0, AllocatedBytesOfEvaluations(Published, Published.Start, 10));
    }

    [Fact]
    public void Data_of_the_wrong_shape_is_refused_with_a_clear_message()
    {
        Assert.Contains("The truth X♮ has 35 entries", Assert.Throws<ArgumentException>(() => new MatrixFactorization(7, 4, new double[35], new double[28])).Message);
        Assert.Contains("The start X0 has 27 entries", Assert.Throws<ArgumentException>(() => new MatrixFactorization(7, 4, new double[14], new double[27])).Message);
        Assert.Contains("rank cannot exceed d", Assert.Throws<ArgumentException>(() => new MatrixFactorization(2, 4, new double[6], new double[8])).Message);
    }

    [Fact]
    public void It_is_registered_in_the_problem_suite_after_quadratic_sensing()
    {
        var names = PublishedExperiments.Problems.ToList();
        Assert.Equal(names.IndexOf("quadratic-sensing") + 1, names.IndexOf("matrix-factorization"));
        Assert.Equal(Published.Start, ProblemRegistry.Generate("matrix-factorization").Start);
    }
}
