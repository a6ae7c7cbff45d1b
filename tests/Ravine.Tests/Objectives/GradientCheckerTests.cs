using Ravine.Objectives;
using Ravine.Problems;
using Ravine.Randomness;

namespace Ravine.Tests.Objectives;

public class GradientCheckerTests
{
    // f(x) = Σᵢ (i + 1) xᵢ⁴ / 4 + Σᵢ xᵢ xᵢ₊₁ with a correct gradient, except that entry `wrong` is scaled by `factor`.
    private static IObjective Quartic(int n, int wrong = -1, double factor = 1) => Objective.Create(n, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < n; i++)
        {
            f += (i + 1) * Math.Pow(x[i], 4) / 4;
            g[i] = (i + 1) * x[i] * x[i] * x[i];
        }
        for (int i = 0; i + 1 < n; i++)
        {
            f += x[i] * x[i + 1];
            g[i] += x[i + 1];
            g[i + 1] += x[i];
        }
        if (wrong >= 0) g[wrong] *= factor;
        return f;
    });

    [Fact]
    public void Passes_on_the_quartic_rosenbrock_at_random_points()
    {
        var rng = new Xoshiro256StarStar(11);
        var problem = new QuarticRosenbrock();
        for (int trial = 0; trial < 20; trial++)
        {
            var check = GradientChecker.Check(problem, rng.NextGaussians(2));
            Assert.True(check.Passed(1e-8), check.ToString());
            Assert.Equal(2, check.Coordinates.Count);
        }
    }

    [Fact]
    public void Fails_on_a_wrong_gradient_entry_and_names_it()
    {
        var x = new Xoshiro256StarStar(5).NextGaussians(12);
        var check = GradientChecker.Check(Quartic(12, wrong: 7, factor: 1.01), x);
        Assert.False(check.Passed(1e-6), check.ToString());
        Assert.Equal(7, check.WorstCoordinate);
        Assert.InRange(check.MaxRelativeError, 0.005, 0.011);
        // The analytic value reported is the (wrong) one the objective returned; the numeric one is the true derivative.
        double truth = 8 * Math.Pow(x[7], 3) + x[6] + x[8];
        Assert.Equal(truth * 1.01, check.WorstAnalytic, 1e-12);
        Assert.Equal(truth, check.WorstNumeric, 1e-8);
        Assert.Contains("coordinate 7", check.ToString());
    }

    [Fact]
    public void The_same_objective_with_a_correct_gradient_passes()
    {
        var x = new Xoshiro256StarStar(5).NextGaussians(12);
        var check = GradientChecker.Check(Quartic(12), x);
        Assert.True(check.Passed(1e-8), check.ToString());
        Assert.All(check.RelativeErrors, e => Assert.InRange(e, 0, 1e-8));
    }

    [Fact]
    public void A_gradient_entry_returned_as_zero_is_a_full_error()
    {
        var x = new Xoshiro256StarStar(6).NextGaussians(5);
        var check = GradientChecker.Check(Quartic(5, wrong: 2, factor: 0), x);
        Assert.Equal(2, check.WorstCoordinate);
        // |0 − fd| / max(|fd|, s): 100 % of the entry, measured against the largest entry if that is larger.
        double truth = 3 * Math.Pow(x[2], 3) + x[1] + x[3];
        Assert.Equal(Math.Abs(truth) / Math.Max(Math.Abs(truth), check.Scale), check.MaxRelativeError, 1e-8);
        Assert.False(check.Passed(0.5), check.ToString());
    }

    [Fact]
    public void A_random_subset_is_seeded_sorted_and_distinct()
    {
        var objective = Quartic(200);
        var x = new Xoshiro256StarStar(8).NextGaussians(200);
        var options = new GradientCheckOptions { Coordinates = 15, Seed = 42 };
        var first = GradientChecker.Check(objective, x, options);
        var again = GradientChecker.Check(objective, x, options);
        var other = GradientChecker.Check(objective, x, options with { Seed = 43 });
        Assert.Equal(15, first.Coordinates.Count);
        Assert.Equal(first.Coordinates, again.Coordinates);
        Assert.NotEqual(first.Coordinates, other.Coordinates);
        Assert.Equal(first.Coordinates.OrderBy(i => i).Distinct(), first.Coordinates);
        Assert.All(first.Coordinates, i => Assert.InRange(i, 0, 199));
    }

    [Fact]
    public void A_subset_that_contains_the_wrong_entry_catches_it()
    {
        var x = new Xoshiro256StarStar(8).NextGaussians(200);
        var options = new GradientCheckOptions { Coordinates = 15, Seed = 42 };
        int wrong = GradientChecker.Check(Quartic(200), x, options).Coordinates[9];
        var check = GradientChecker.Check(Quartic(200, wrong, 1.5), x, options);
        Assert.False(check.Passed());
        Assert.Equal(wrong, check.WorstCoordinate);
    }

    [Fact]
    public void Subset_sampling_covers_every_coordinate_uniformly()
    {
        // 400 samples of 3 out of 6: each coordinate is drawn 200 times on average; a biased sampler lands far off.
        var counts = new int[6];
        var objective = Quartic(6);
        var x = new double[6];
        for (ulong seed = 0; seed < 400; seed++)
            foreach (int i in GradientChecker.Check(objective, x, new GradientCheckOptions { Coordinates = 3, Seed = seed }).Coordinates)
                counts[i]++;
        Assert.All(counts, c => Assert.InRange(c, 160, 240));
    }

    [Fact]
    public void Near_zero_entries_are_measured_against_the_gradient_scale()
    {
        // ∂f/∂x₁ = 1e-14 is far below finite-difference noise; relative to itself it would be a huge error.
        var objective = Objective.Create(2, (x, g) =>
        {
            g[0] = 2 * x[0];
            g[1] = 1e-14;
            return x[0] * x[0] + 1e-14 * x[1];
        });
        var check = GradientChecker.Check(objective, [3.0, 1.0]);
        Assert.Equal(6.0, check.Scale);
        Assert.True(check.Passed(1e-8), check.ToString());
    }

    [Fact]
    public void At_a_minimizer_with_an_exactly_zero_gradient_the_error_is_zero()
    {
        var check = GradientChecker.Check(Quartic(4), new double[4]);
        Assert.Equal(0.0, check.MaxRelativeError);
        Assert.True(check.Passed(0));
    }

    [Fact]
    public void A_non_finite_value_fails_the_check()
    {
        var objective = Objective.Create(1, (x, g) => { g[0] = 1; return x[0] > 0 ? double.NaN : x[0]; });
        var check = GradientChecker.Check(objective, [0.0]);
        Assert.True(double.IsNaN(check.MaxRelativeError));
        Assert.False(check.Passed(1));
    }

    [Fact]
    public void Wrong_length_or_non_finite_points_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => GradientChecker.Check(Quartic(3), new double[2]));
        Assert.Throws<ArgumentException>(() => GradientChecker.Check(Quartic(3), [0.0, double.NaN, 0.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientCheckOptions { Coordinates = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientCheckOptions { RelativeStep = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientCheckOptions { AbsoluteScale = double.NaN });
    }

    [Fact]
    public void ToString_reports_the_worst_coordinate_and_both_values()
    {
        var check = GradientChecker.Check(new QuarticRosenbrock(), [1.2, -0.7]);
        string text = check.ToString();
        Assert.StartsWith("Gradient check of 2/2 coordinates: max relative error ", text);
        Assert.Contains($"at coordinate {check.WorstCoordinate} (analytic ", text);
        Assert.Contains("finite difference ", text);
    }
}
