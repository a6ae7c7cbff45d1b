using Ravine.Problems;
using Ravine.Randomness;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems;

/// <summary>The blocked evaluation for m above one row block, and its thread-count independence.</summary>
public class QuadraticSensingParallelTests
{
    /// <summary>Three blocks and a short last one; k = 8 takes the vector kernel with two column chunks.</summary>
    private static QuadraticSensing Large(int width = 8) =>
        QuadraticSensing.Generate(41, dimension: 9, rank: 2, width: width, measurements: 2 * QuadraticSensing.RowBlock + 37);

    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    public void One_and_two_threads_give_bit_identical_values_and_gradients(int width)
    {
        var problem = Large(width);
        var x = new Xoshiro256StarStar(42).NextGaussians(problem.Dimension);
        var serial = new double[x.Length];
        var parallel = new double[x.Length];
        problem.MaxDegreeOfParallelism = 1;
        double fSerial = problem.Evaluate(x, serial);
        problem.MaxDegreeOfParallelism = 2;
        for (int trial = 0; trial < 5; trial++)
        {
            double fParallel = problem.Evaluate(x, parallel);
            Assert.Equal(BitConverter.DoubleToInt64Bits(fSerial), BitConverter.DoubleToInt64Bits(fParallel));
            for (int i = 0; i < x.Length; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(serial[i]) == BitConverter.DoubleToInt64Bits(parallel[i]), $"∂{i}: {serial[i]:R} vs {parallel[i]:R}");
        }
    }

    [Fact]
    public void The_blocked_evaluation_matches_the_definition()
    {
        var problem = Large();
        problem.MaxDegreeOfParallelism = 2;
        AssertMatchesReference(problem, new Xoshiro256StarStar(43).NextGaussians(problem.Dimension),
            (x, gradient) => QuadraticSensingDefinition.Evaluate(problem, x, gradient));
    }

    [Fact]
    public void The_truth_of_a_blocked_instance_has_round_off_loss_and_gradient()
    {
        // y is computed by portable scalar sums, the oracle by the vector kernel: they agree to round-off, not bits.
        var problem = Large();
        var g = new double[problem.Dimension];
        Assert.InRange(problem.Evaluate(problem.Truth!, g), 0, 1e-28);
        Assert.All(g, v => Assert.InRange(v, -1e-13, 1e-13));
    }

    [Fact]
    public void The_vector_kernel_on_two_column_chunks_matches_the_general_width_path()
    {
        // k = 8 takes the vector kernel; the same data with the eighth column dropped (k = 7) the general path, and a
        // zero eighth column must not change f.
        var eight = QuadraticSensing.Generate(44, dimension: 11, rank: 2, width: 8, measurements: 23);
        var seven = new QuadraticSensing(23, 11, 7, eight.A, eight.B, eight.Y);
        var (f7, f8) = QuadraticSensingWidths.EvaluateWithAZeroColumn(seven, eight, new Xoshiro256StarStar(45).NextGaussians(77));
        Assert.Equal(f7, f8, f7 * 1e-13);
    }

    [Fact]
    public void The_blocked_evaluation_on_one_thread_allocates_nothing()
    {
        var problem = Large();
        Assert.Equal(0, AllocatedBytesOfEvaluations(problem, problem.Start, 10));
    }

    [Fact]
    public void A_thread_count_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Large().MaxDegreeOfParallelism = 0);
}
