using Ravine.Objectives;
using Ravine.Problems;
using Ravine.Randomness;
using Ravine.Tests.Problems.TestSet;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems;

public class TeacherStudentSampledTests
{
    private static readonly TeacherStudentSampled Default = TeacherStudentSampled.Generate(ProblemRegistry.DefaultSeed);

    /// <summary>The sampled instance's teachers: the population instance of the same seed and sizes draws the same ones.</summary>
    private static double[] Teachers(ulong seed, int d, int n, int k) => TeacherStudent.Generate(seed, d, n, k).TeacherWeights;

    /// <summary>
    /// The loss and gradient sample by sample from the definition, with the inputs drawn again as the generator draws
    /// them: an independent reference for the batched products.
    /// </summary>
    private static double Reference(double[] x, double[] gradient, ulong seed, int d, int n, int k, int m)
    {
        var rng = new Xoshiro256StarStar(seed);
        var (v, _) = TeacherStudent.Draw(rng, d, n, k);
        double[] inputs = rng.NextGaussians(m * d);
        Array.Clear(gradient);
        double loss = 0;
        for (int s = 0; s < m; s++)
        {
            double[] xs = inputs[(s * d)..((s + 1) * d)];
            double Pre(double[] w, int row) { double z = 0; for (int e = 0; e < d; e++) z += w[row * d + e] * xs[e]; return z; }
            double output = 0, target = 0;
            for (int i = 0; i < n; i++) output += Math.Max(Pre(x, i), 0);
            for (int j = 0; j < k; j++) target += Math.Max(Pre(v, j), 0);
            double r = output - target;
            loss += r * r / (2 * m);
            for (int i = 0; i < n; i++)
                if (Pre(x, i) > 0)
                    for (int e = 0; e < d; e++) gradient[i * d + e] += r * xs[e] / m;
        }
        return loss;
    }

    [Fact]
    public void Loss_and_gradient_are_the_per_sample_definition()
    {
        var problem = TeacherStudentSampled.Generate(11, inputDimension: 13, students: 5, teachers: 2, samples: 203);
        var x = new Xoshiro256StarStar(51).NextGaussians(problem.Dimension);
        AssertMatchesReference(problem, x, (point, g) => Reference(point, g, 11, 13, 5, 2, 203));
        AssertMatchesReference(Default, Default.Start, (point, g) => Reference(point, g, ProblemRegistry.DefaultSeed, 50, 4, 2, 1000));
    }

    [Fact]
    public void Gradient_matches_central_differences_at_the_start_and_a_random_point()
    {
        foreach (var x in new[] { Default.Start, new Xoshiro256StarStar(52).NextGaussians(Default.Dimension) })
        {
            var check = GradientChecker.Check(Default, x);
            Assert.True(check.Passed(1e-6), check.ToString());
        }
    }

    [Fact]
    public void The_teachers_with_zero_students_beside_them_are_an_exact_zero()
    {
        double[] v = Teachers(ProblemRegistry.DefaultSeed, 50, 4, 2);
        double[] x = [.. v, .. new double[100]];
        var g = new double[x.Length];
        Assert.Equal(0, Default.Evaluate(x, g));
        Assert.All(g, gi => Assert.Equal(0, gi));
        var rng = new Xoshiro256StarStar(53);
        for (int trial = 0; trial < 10; trial++) Assert.True(Value(Default, rng.NextGaussians(Default.Dimension)) > 0);
    }

    [Fact]
    public void Around_a_split_the_loss_is_flat_off_the_teachers_line_and_quadratic_across()
    {
        const int d = 6, n = 2, k = 1, m = 300;
        var problem = TeacherStudentSampled.Generate(13, d, n, k, m);
        double[] v = Teachers(13, d, n, k);
        double[] split = [.. v.Select(e => 0.4 * e), .. v.Select(e => 0.6 * e)];
        // Opposite offsets in any direction change no sample's activity pattern while they are small: f stays 0.
        double[] offset = new Xoshiro256StarStar(54).NextGaussians(d);
        double[] flat = [.. offset, .. offset.Select(e => -e)];
        Assert.InRange(Value(problem, Add(split, flat, 1e-6)), 0, 1e-28);
        // A step in a generic direction grows quadratically: the sampled loss is not cubic, unlike the population loss.
        double[] generic = new Xoshiro256StarStar(55).NextGaussians(problem.Dimension);
        Assert.InRange(Degeneracy.GrowthOrder(problem, split, generic, 1e-5), 1.95, 2.05);
        // The Hessian there is the Gauss–Newton matrix of [xₛ, xₛ] rows: rank d of 2d.
        Assert.Equal(d, Degeneracy.Rank(Degeneracy.Hessian(problem, split, step: 1e-7)));
    }

    [Fact]
    public void Evaluation_allocates_nothing_and_repeats_bit_for_bit()
    {
        var x = new Xoshiro256StarStar(56).NextGaussians(Default.Dimension);
        Assert.Equal(0, AllocatedBytesOfEvaluations(Default, x, 20));
        var again = TeacherStudentSampled.Generate(ProblemRegistry.DefaultSeed);
        Assert.Equal(Gradient(Default, x), Gradient(again, x));
        Assert.Equal(Value(Default, x), Value(again, x));
        Assert.Equal(TeacherStudent.Generate(ProblemRegistry.DefaultSeed).Start, Default.Start);
    }
}
