using Ravine.Cli.Paper;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Randomness;
using Xunit.Abstractions;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems;

public class QuadraticSensingTests(ITestOutputHelper output)
{
    private static readonly QuadraticSensing Published = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);

    /// <summary>A small instance of odd sizes: d not a multiple of 4 exercises the loop tails.</summary>
    private static readonly QuadraticSensing Small = QuadraticSensing.Generate(5, dimension: 7, rank: 2, width: 4, measurements: 30);

    [Fact]
    public void Value_and_gradient_match_the_definition_at_random_points()
    {
        var rng = new Xoshiro256StarStar(31);
        foreach (var problem in new[] { Published, Small })
        {
            AssertMatchesReference(problem, rng.NextGaussians(problem.Dimension), (x, gradient) => QuadraticSensingDefinition.Evaluate(problem, x, gradient));
        }
    }

    [Fact]
    public void Any_width_gives_the_same_values_as_the_width_four_kernel()
    {
        // k = 3 and k = 5 take the general path; k = 4 the vector kernel. Padding a k = 3 point with a zero column
        // (and the data unchanged) must not change f.
        var three = QuadraticSensing.Generate(8, dimension: 9, rank: 2, width: 3, measurements: 25);
        var four = new QuadraticSensing(25, 9, 4, three.A, three.B, three.Y);
        var (f3, f4) = QuadraticSensingWidths.EvaluateWithAZeroColumn(three, four, new Xoshiro256StarStar(32).NextGaussians(27));
        Assert.Equal(f3, f4, 1e-12);
    }

    [Fact]
    public void Gradient_check_passes_at_random_points()
    {
        var rng = new Xoshiro256StarStar(33);
        for (int trial = 0; trial < 3; trial++)
        {
            var check = GradientChecker.Check(Published, rng.NextGaussians(Published.Dimension), new GradientCheckOptions { Coordinates = 40, Seed = (ulong)trial });
            Assert.True(check.Passed(1e-6), check.ToString());
        }
        var small = GradientChecker.Check(Small, new Xoshiro256StarStar(34).NextGaussians(Small.Dimension));
        Assert.True(small.Passed(1e-6), small.ToString());
    }

    [Theory]
    [InlineData(1e-2)]
    [InlineData(1e-3)]
    public void Gradient_check_passes_near_the_solution_set(double offset)
    {
        var rng = new Xoshiro256StarStar(35);
        double[] x = Add(Rotate(Published.Truth!, RandomOrthogonal(rng, 4)), rng.NextGaussians(Published.Dimension), offset);
        var check = GradientChecker.Check(Published, x, new GradientCheckOptions { Coordinates = 40 });
        Assert.True(check.Passed(1e-6), check.ToString());
    }

    [Fact]
    public void On_the_solution_set_f_and_the_distance_vanish()
    {
        var rng = new Xoshiro256StarStar(36);
        Assert.InRange(Value(Published, Published.Truth!), 0, 1e-28);
        for (int trial = 0; trial < 3; trial++)
        {
            double[] solution = Rotate(Published.Truth!, RandomOrthogonal(rng, 4));
            double f = Value(Published, solution), distance = Published.DistanceToSolutions(solution);
            output.WriteLine($"f = {f:E2}, dist = {distance:E2}");
            Assert.True(f <= 1e-28, $"f = {f:E3}");
            Assert.True(distance <= 1e-14, $"dist = {distance:E3}");
        }
    }

    [Fact]
    public void The_distance_is_invariant_under_rotations_and_exact_off_the_solution_set()
    {
        var rng = new Xoshiro256StarStar(37);
        double[] truth = Published.Truth!;
        double[] x = rng.NextGaussians(Published.Dimension);
        double distance = Published.DistanceToSolutions(x);
        Assert.Equal(distance, Published.DistanceToSolutions(Rotate(x, RandomOrthogonal(rng, 4))), 1e-12);
        // cX♮R is nearest to X♮R (X♮ᵀ·cX♮R = c·X♮ᵀX♮·R has polar factor R on the range of X♮), at distance |1 − c|·‖X♮‖_F = |1 − c|.
        double[] scaled = Rotate(truth, RandomOrthogonal(rng, 4)).Select(v => 1.5 * v).ToArray();
        Assert.Equal(0.5, Published.DistanceToSolutions(scaled), 1e-14);
        // And X♮R + E is at most ‖E‖ away.
        double[] e = rng.NextGaussians(Published.Dimension).Select(v => 1e-3 * v).ToArray();
        double[] near = Add(Rotate(truth, RandomOrthogonal(rng, 4)), e, 1);
        Assert.InRange(Published.DistanceToSolutions(near), 0.1 * Math.Sqrt(e.Sum(v => v * v)), Math.Sqrt(e.Sum(v => v * v)));
    }

    [Fact]
    public void GdPolyak_with_the_published_settings_reaches_a_gap_below_1e_15()
    {
        var settings = PublishedExperiments.For("quadratic-sensing")!;
        Assert.Equal((0.05, 300, 50), (settings.Stepsize, settings.ShortSteps, settings.Epochs));
        var result = Minimizer.Minimize(Published, Published.Start,
            new GdPolyak(settings.Stepsize, settings.ShortSteps, settings.Epochs, 0), new MinimizeOptions { RecordDistance = false });
        output.WriteLine($"{result}; best f = {result.BestValue:E2}, longest step {result.LongestStep:E2}");
        Assert.Equal(StopReason.MethodCompleted, result.StopReason);
        Assert.True(result.BestValue < 1e-15, $"best gap {result.BestValue:E3}");
        Assert.True(Published.DistanceToSolutions(result.BestX) < 1e-4, $"dist {Published.DistanceToSolutions(result.BestX):E3}");
    }

    [Fact]
    public void The_seeded_instance_is_pinned()
    {
        // SHA-256 of the little-endian bytes of A, B, y, X♮ (padded d×k) and X0, in that order: a change in the
        // generator, the draw order or the arithmetic of y shows here. y comes from portable scalar sums, not the
        // processor-dependent vector kernel, so this hash holds on every machine.
        string hash = Sha256Hex([.. Published.A, .. Published.B, .. Published.Y, .. Published.Truth!, .. Published.Start]);
        output.WriteLine(hash);
        Assert.Equal("735E04F1280649E124CFAFEFA0BAB4D34AD1C2A53D88A21A2690971FD974A790", hash);
    }

    [Fact]
    public void The_same_seed_gives_the_same_instance_and_another_seed_another()
    {
        var again = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);
        Assert.Equal(Published.A, again.A);
        Assert.Equal(Published.Y, again.Y);
        Assert.Equal(Published.Start, again.Start);
        Assert.NotEqual(Published.A, QuadraticSensing.Generate(ProblemRegistry.DefaultSeed + 1).A);
    }

    [Fact]
    public void The_published_instance_has_the_papers_sizes_a_unit_norm_truth_and_start()
    {
        Assert.Equal((100, 4, 1000, 400), (Published.AmbientDimension, Published.Width, Published.MeasurementCount, Published.Dimension));
        Assert.Equal(15_000, PublishedExperiments.For("quadratic-sensing")!.BaselineSteps);
        Assert.Equal(3.2e6, Published.OracleFlops);
        Assert.Equal(1, Published.Truth!.Sum(v => v * v), 1e-14);
        Assert.Equal(1, Published.Start.Sum(v => v * v), 1e-14);
        for (int j = 0; j < 100; j++) Assert.Equal([0.0, 0.0], Published.Truth.AsSpan(4 * j + 2, 2).ToArray());
        Assert.Equal("quadratic-sensing", Published.Name);
    }

    [Fact]
    public void Evaluating_allocates_nothing()
    {
        Assert.Equal(0, AllocatedBytesOfEvaluations(Published, Published.Start, 10));
    }

    [Fact]
    public void Without_a_truth_the_distance_is_NaN_and_the_start_is_drawn_from_the_seed()
    {
        var problem = new QuadraticSensing(30, 7, 4, Small.A, Small.B, Small.Y, startSeed: 9);
        Assert.True(double.IsNaN(problem.DistanceToSolutions(problem.Start)));
        Assert.Null(problem.Truth);
        Assert.Equal(1, problem.Start.Sum(v => v * v), 1e-14);
        Assert.Equal(problem.Start, new QuadraticSensing(30, 7, 4, Small.A, Small.B, Small.Y, startSeed: 9).Start);
    }

    [Fact]
    public void Given_data_with_a_truth_reproduces_the_generated_instance()
    {
        double[] truth = Small.Truth!;
        double[] narrow = new double[7 * 2];
        for (int j = 0; j < 7; j++) Array.Copy(truth, 4 * j, narrow, 2 * j, 2);
        var copy = new QuadraticSensing(30, 7, 4, Small.A, Small.B, Small.Y, narrow, Small.Start);
        Assert.Equal(Small.Truth, copy.Truth);
        var x = new Xoshiro256StarStar(38).NextGaussians(28);
        Assert.Equal(Value(Small, x), Value(copy, x));
        Assert.Equal(Small.DistanceToSolutions(x), copy.DistanceToSolutions(x));
    }

    public static TheoryData<string, Func<QuadraticSensing>> BadShapes() => new()
    {
        { "A has 20 entries, expected m·d", () => new QuadraticSensing(3, 7, 4, new double[20], new double[21], new double[3]) },
        { "B has 20 entries, expected m·d", () => new QuadraticSensing(3, 7, 4, new double[21], new double[20], new double[3]) },
        { "y has 4 entries, expected one measurement per row", () => new QuadraticSensing(3, 7, 4, new double[21], new double[21], new double[4]) },
        { "The truth X♮ has 35 entries", () => new QuadraticSensing(3, 7, 4, new double[21], new double[21], new double[3], new double[35]) },
        { "The truth X♮ has 13 entries", () => new QuadraticSensing(3, 7, 4, new double[21], new double[21], new double[3], new double[13]) },
        { "The start X0 has 27 entries, expected d·k", () => new QuadraticSensing(3, 7, 4, new double[21], new double[21], new double[3], null, new double[27]) },
        { "y[1] = NaN is not finite", () => new QuadraticSensing(3, 7, 4, new double[21], new double[21], [0, double.NaN, 0]) },
    };

    [Theory]
    [MemberData(nameof(BadShapes))]
    public void Data_of_the_wrong_shape_is_refused_with_a_clear_message(string message, Func<QuadraticSensing> create)
    {
        var e = Assert.Throws<ArgumentException>(() => create());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void It_is_registered_in_the_problem_suite_after_the_quartic_rosenbrock()
    {
        var names = PublishedExperiments.Problems.ToList();
        Assert.Equal(names.IndexOf("quartic-rosenbrock") + 1, names.IndexOf("quadratic-sensing"));
        Assert.Equal(Published.A, ((QuadraticSensing)ProblemRegistry.Generate("quadratic-sensing")).A);
    }
}
