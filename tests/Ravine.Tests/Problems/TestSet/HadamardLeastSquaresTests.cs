using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class HadamardLeastSquaresTests : TestSetContract
{
    private static readonly HadamardLeastSquares Sparse = HadamardLeastSquares.Generate(ProblemRegistry.DefaultSeed);

    private protected override IObjective Problem => Sparse;
    private protected override double[] Start => Sparse.Start;

    // The sparsest minimizer: u = √(w♮)₊, v = √(−w♮)₊.
    private protected override double[] Minimizer =>
        [.. Sparse.Signal.Select(w => Math.Sqrt(Math.Max(w, 0))), .. Sparse.Signal.Select(w => Math.Sqrt(Math.Max(-w, 0)))];

    // u = v at the start, so w = 0 and f = ‖y‖²/(2m), with y recomputed from X and w♮.
    private protected override double StartValue
    {
        get
        {
            double sum = 0;
            for (int i = 0; i < 40; i++)
            {
                double y = 0;
                for (int j = 0; j < 20; j++) y += Sparse.Design(i, j) * Sparse.Signal[j];
                sum += y * y;
            }
            return sum / 80;
        }
    }

    [Fact]
    public void The_signal_has_three_entries_of_unit_size_and_the_targets_are_its_measurements()
    {
        Assert.Equal(3, Sparse.Signal.Count(w => w != 0));
        Assert.All(Sparse.Signal, w => Assert.Contains(w, new[] { -1.0, 0, 1 }));
        Assert.Equal(40, Sparse.Targets.Length);
        Assert.Equal(40, Sparse.Dimension);
    }

    [Fact]
    public void Seeds_give_reproducible_and_different_instances()
    {
        Assert.Equal(Sparse.Targets, HadamardLeastSquares.Generate(ProblemRegistry.DefaultSeed).Targets);
        Assert.NotEqual(Sparse.Targets, HadamardLeastSquares.Generate(ProblemRegistry.DefaultSeed + 1).Targets);
    }

    [Fact]
    public void Every_point_with_the_same_u_squared_minus_v_squared_is_a_minimizer()
    {
        double[] x = Minimizer;
        for (int j = 0; j < 20; j++)
            if (Sparse.Signal[j] == 0) (x[j], x[20 + j]) = (0.3, -0.3);
        Assert.InRange(Value(Sparse, x), 0, 1e-28);
    }

    [Fact]
    public void Hessian_at_the_sparsest_minimizer_has_rank_k_and_f_is_quartic_off_the_support()
    {
        Assert.Equal(3, Rank(Hessian(Sparse, Minimizer)));
        int off = Array.IndexOf(Sparse.Signal, 0.0);
        double[] flat = Axis(40, off);
        double columnSquared = Enumerable.Range(0, 40).Sum(i => Sparse.Design(i, off) * Sparse.Design(i, off));
        double t = 1e-3;
        Assert.Equal(columnSquared / 80, Value(Sparse, Add(Minimizer, flat, t)) / Math.Pow(t, 4), columnSquared / 80 * 1e-6);
        Assert.Equal(4, GrowthOrder(Sparse, Minimizer, flat, t), 0.01);
    }

    [Fact]
    public void Too_few_measurements_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HadamardLeastSquares.Generate(1, dimension: 20, measurements: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => HadamardLeastSquares.Generate(1, dimension: 5, sparsity: 6));
    }

    [Fact]
    public void From_the_small_start_the_run_ends_near_the_sparsest_minimizer()
    {
        // Off the support uⱼvⱼ stays near α², so uⱼ and vⱼ end near α rather than at 0: hence a bound of 2α.
        var result = Ravine.Optimization.Minimizer.Minimize(Sparse, Sparse.Start, new Ravine.Methods.AdaptiveGdPolyak(0),
            new Ravine.Optimization.MinimizeOptions { MaxOracleCalls = 5_000 });
        double[] nearest = Minimizer;
        double largest = Enumerable.Range(0, 40).Max(j => Math.Abs(result.X[j] - nearest[j]));
        Assert.True(largest < 2 * HadamardLeastSquares.InitialScale, $"largest deviation {largest:G3}");
    }

    [Fact]
    public void Adaptive_gdpolyak_reduces_the_gap_by_many_orders() => Convergence.AssertAdaptiveGdPolyakReduces(Sparse, Sparse.Start, 1e-8);
}
