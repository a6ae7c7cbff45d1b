using Ravine.Objectives;
using Ravine.Randomness;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems.TestSet;

/// <summary>
/// What every problem of the external test set must satisfy; each problem's test class derives from this and adds the
/// characterisation of its own degeneracy. The published start values are computed independently of the code under
/// test (by hand or in 30-digit arithmetic), so a wrong term or coefficient fails here.
/// </summary>
public abstract class TestSetContract
{
    private protected abstract IObjective Problem { get; }

    /// <summary>The standard starting point, read through the problem's Start (a fresh copy each call).</summary>
    private protected abstract double[] Start { get; }

    /// <summary>A minimizer, from the source.</summary>
    private protected abstract double[] Minimizer { get; }

    /// <summary>f(x0) from the source or computed by hand from its definition.</summary>
    private protected abstract double StartValue { get; }

    private double[] RandomPoint()
    {
        var noise = new Xoshiro256StarStar(2026).NextGaussians(Problem.Dimension);
        return Add(Minimizer, noise, 0.2);
    }

    [Fact]
    public void Value_at_the_minimizer_is_the_optimal_value_and_the_gradient_vanishes()
    {
        var g = new double[Problem.Dimension];
        double f = Problem.Evaluate(Minimizer, g);
        Assert.Equal(0, ((IKnowsOptimalValue)Problem).OptimalValue);
        Assert.InRange(f, 0, 1e-28);
        Assert.All(g, gi => Assert.InRange(Math.Abs(gi), 0, 1e-12));
    }

    [Fact]
    public void Value_at_the_start_is_the_published_value()
    {
        Assert.Equal(StartValue, Value(Problem, Start), Math.Abs(StartValue) * 1e-13);
    }

    [Fact]
    public void Gradient_matches_central_differences_at_the_start()
    {
        var check = GradientChecker.Check(Problem, Start);
        Assert.True(check.Passed(1e-7), check.ToString());
    }

    [Fact]
    public void Gradient_matches_central_differences_at_a_random_point()
    {
        var check = GradientChecker.Check(Problem, RandomPoint());
        Assert.True(check.Passed(1e-7), check.ToString());
    }

    [Fact]
    public void Evaluate_allocates_nothing()
    {
        Assert.Equal(0, AllocatedBytesOfEvaluations(Problem, RandomPoint(), 20));
    }

    [Fact]
    public void Start_is_a_fresh_copy()
    {
        var first = Start;
        double[] expected = (double[])first.Clone();
        Array.Fill(first, double.NaN);
        Assert.Equal(expected, Start);
    }

    [Fact]
    public void Distance_vanishes_at_the_minimizer_and_is_positive_at_the_start()
    {
        if (Problem is not IKnowsDistanceToSolutions distance) return;
        Assert.Equal(0, distance.DistanceToSolutions(Minimizer), 1e-15);
        Assert.True(distance.DistanceToSolutions(Start) > 0);
    }
}
