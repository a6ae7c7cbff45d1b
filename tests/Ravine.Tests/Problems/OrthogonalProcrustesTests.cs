using MathNet.Numerics.LinearAlgebra;
using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Tests.Problems;

/// <summary>The allocation-free Jacobi SVD behind the Procrustes distance, against MathNet's SVD.</summary>
public class OrthogonalProcrustesTests
{
    private static double[] Factor(double[] c, int k)
    {
        var u = (double[])c.Clone();
        var v = new double[k * k];
        var r = new double[k * k];
        OrthogonalProcrustes.OrthogonalFactor(u, k, v, r);
        return r;
    }

    private static Matrix<double> MathNetFactor(double[] c, int k)
    {
        var svd = Matrix<double>.Build.Dense(k, k, (i, j) => c[i * k + j]).Svd(computeVectors: true);
        return svd.U * svd.VT;
    }

    private static void AssertOrthogonal(double[] r, int k)
    {
        var m = Matrix<double>.Build.Dense(k, k, (i, j) => r[i * k + j]);
        Assert.True((m.TransposeThisAndMultiply(m) - Matrix<double>.Build.DenseIdentity(k)).L1Norm() < 1e-13);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(16)]
    public void For_a_full_rank_matrix_the_factor_is_mathnets_UVt(int k)
    {
        var rng = new Xoshiro256StarStar((ulong)(50 + k));
        for (int trial = 0; trial < 5; trial++)
        {
            double[] c = rng.NextGaussians(k * k);
            double[] r = Factor(c, k);
            var expected = MathNetFactor(c, k);
            AssertOrthogonal(r, k);
            for (int i = 0; i < k * k; i++) Assert.Equal(expected[i / k, i % k], r[i], 1e-10);
        }
    }

    [Fact]
    public void For_a_rank_deficient_matrix_the_factor_is_orthogonal_and_maximizes_the_trace()
    {
        // X♮ᵀX with X♮ = [G, 0]: two zero rows, rank 2 of 4. R is not unique, but tr(RᵀC) = ‖C‖_* for every maximizer.
        var rng = new Xoshiro256StarStar(60);
        for (int trial = 0; trial < 5; trial++)
        {
            double[] c = rng.NextGaussians(16);
            for (int i = 8; i < 16; i++) c[i] = 0;
            double[] r = Factor(c, 4);
            AssertOrthogonal(r, 4);
            double trace = 0;
            for (int i = 0; i < 16; i++) trace += r[i] * c[i];
            double nuclear = Matrix<double>.Build.Dense(4, 4, (i, j) => c[i * 4 + j]).Svd(false).S.Sum();
            Assert.Equal(nuclear, trace, 1e-13 * nuclear);
        }
    }

    [Fact]
    public void The_zero_matrix_gives_an_orthogonal_factor() => AssertOrthogonal(Factor(new double[9], 3), 3);

    [Fact]
    public void The_distance_equals_the_distance_from_mathnets_svd()
    {
        var problem = QuadraticSensing.Generate(61);
        double[] truth = problem.Truth!;
        var rng = new Xoshiro256StarStar(62);
        foreach (double offset in new[] { 1.0, 1e-3, 1e-9 })
        {
            double[] x = ProblemTestMath.Add(ProblemTestMath.Rotate(truth, ProblemTestMath.RandomOrthogonal(rng, 4)), rng.NextGaussians(400), offset);
            var cross = new double[16];
            for (int j = 0; j < 100; j++)
                for (int a = 0; a < 4; a++)
                    for (int b = 0; b < 4; b++)
                        cross[a * 4 + b] += truth[j * 4 + a] * x[j * 4 + b];
            var rotation = MathNetFactor(cross, 4);
            double squares = 0;
            for (int j = 0; j < 100; j++)
                for (int b = 0; b < 4; b++)
                {
                    double aligned = 0;
                    for (int a = 0; a < 4; a++) aligned += truth[j * 4 + a] * rotation[a, b];
                    squares += (x[j * 4 + b] - aligned) * (x[j * 4 + b] - aligned);
                }
            double expected = Math.Sqrt(squares);
            // Both are accurate to a few ε·‖X‖ in absolute terms, which is what limits the agreement at small distances.
            Assert.Equal(expected, problem.DistanceToSolutions(x), 1e-12 * expected + 1e-17 * problem.Dimension);
        }
    }

    [Fact]
    public void The_distance_allocates_nothing()
    {
        var problem = QuadraticSensing.Generate(63);
        var x = problem.Start;
        Assert.Equal(0, Optimization.AllocationMeasurement.AllocatedBy(() => problem.DistanceToSolutions(x)));
    }
}
