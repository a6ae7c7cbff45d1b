using Ravine.Objectives;
using Ravine.Problems;
using static Ravine.Tests.Problems.ProblemTestMath;
using static Ravine.Tests.Problems.TestSet.Degeneracy;

namespace Ravine.Tests.Problems.TestSet;

public class SingularTrigonometricTests : TestSetContract
{
    private static readonly SingularTrigonometric Trigonometric = new();

    private protected override IObjective Problem => Trigonometric;
    private protected override double[] Start => Trigonometric.Start;
    private protected override double[] Minimizer => new double[10];

    // Σᵢ(10 − 10 cos 0.1 + i(1 − cos 0.1) − sin 0.1 + 0.1)², evaluated in 30-digit arithmetic.
    private protected override double StartValue => 0.062279802553767148770615768;

    [Fact]
    public void Hessian_at_the_minimizer_is_twice_the_projection_off_ones()
    {
        var hessian = Hessian(Trigonometric, Minimizer);
        double[] eigenvalues = Eigenvalues(hessian);
        Assert.InRange(Math.Abs(eigenvalues[0]), 0, 1e-8);
        Assert.All(eigenvalues.Skip(1), v => Assert.Equal(2, v, 1e-7));
    }

    [Fact]
    public void Growth_is_quartic_along_ones_with_constant_a_quarter_of_the_sum_of_squares_of_n_plus_i()
    {
        // (1/4) Σᵢ₌₁¹⁰ (10 + i)² = 2485 / 4.
        double t = 1e-3;
        Assert.Equal(621.25, Value(Trigonometric, Add(Minimizer, Ones(10), t)) / Math.Pow(t, 4), 621.25 * 1e-2);
        Assert.Equal(4, GrowthOrder(Trigonometric, Minimizer, Ones(10), t), 0.01);
    }

    [Fact]
    public void Value_keeps_its_relative_accuracy_next_to_the_minimizer()
    {
        // At t = 1e-7 the residuals are ~1e-13, and n − Σ cos xⱼ would carry an absolute error of a few 1e-16 per cosine:
        // a percent in f. Via 2 sin²(x/2) f still matches its quartic model to 1e-5.
        double t = 1e-7;
        Assert.Equal(621.25, Value(Trigonometric, Add(Minimizer, Ones(10), t)) / Math.Pow(t, 4), 621.25 * 1e-5);
    }

    [Fact]
    public void The_standard_start_lies_on_the_null_direction()
    {
        Assert.All(Trigonometric.Start, v => Assert.Equal(0.1, v));
    }
}
