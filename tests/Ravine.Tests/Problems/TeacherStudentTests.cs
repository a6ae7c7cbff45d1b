using Ravine.Objectives;
using Ravine.Problems;
using Ravine.Randomness;
using Ravine.Tests.Problems.TestSet;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems;

public class TeacherStudentTests
{
    private static readonly TeacherStudent Default = TeacherStudent.Generate(ProblemRegistry.DefaultSeed);

    /// <summary>Students wᵢ = aᵢ·v_{teacher[i]}, row-major.</summary>
    private static double[] Split(TeacherStudent problem, int[] teacher, double[] a)
    {
        int d = problem.InputDimension;
        double[] v = problem.TeacherWeights;
        var w = new double[teacher.Length * d];
        for (int i = 0; i < teacher.Length; i++)
            for (int e = 0; e < d; e++) w[i * d + e] = a[i] * v[teacher[i] * d + e];
        return w;
    }

    /// <summary>The default instance's solution: teacher 0 split 0.3 / 0.7 between students 0 and 1, teacher 1 0.6 / 0.4.</summary>
    private static double[] DefaultSolution => Split(Default, [0, 0, 1, 1], [0.3, 0.7, 0.6, 0.4]);

    /// <summary>A unit vector orthogonal to every teacher: a Gaussian draw minus its projection on their span.</summary>
    private static double[] OrthogonalToTeachers(TeacherStudent problem, ulong seed)
    {
        int d = problem.InputDimension;
        double[] v = problem.TeacherWeights;
        // An orthonormal basis of the teachers' span first: projecting on the non-orthogonal teachers one by one would not converge.
        var basis = new List<double[]>();
        foreach (var raw in new[] { v, new Xoshiro256StarStar(seed).NextGaussians(d) }.SelectMany((m, which) => which == 0 ? Enumerable.Range(0, problem.Teachers).Select(j => m[(j * d)..((j + 1) * d)]) : [m]))
        {
            double[] z = (double[])raw.Clone();
            for (int pass = 0; pass < 2; pass++)
                foreach (var q in basis)
                {
                    double along = z.Zip(q, (a, b) => a * b).Sum();
                    for (int e = 0; e < d; e++) z[e] -= along * q[e];
                }
            double norm = Math.Sqrt(z.Sum(e => e * e));
            basis.Add(z.Select(e => e / norm).ToArray());
        }
        return basis[^1];
    }

    [Fact]
    public void Two_students_and_one_teacher_are_the_single_neuron()
    {
        var neuron = SingleNeuron.Generate(ProblemRegistry.DefaultSeed);
        var network = new TeacherStudent(neuron.Start, neuron.Teacher, SingleNeuron.PublishedInputDimension);
        var rng = new Xoshiro256StarStar(41);
        double[][] points =
        [
            neuron.Start,
            rng.NextGaussians(200),
            Add(neuron.SolutionPoint(0.3), rng.NextGaussians(200), 1e-4),
            Add(neuron.SolutionPoint(0.6), rng.NextGaussians(200), 1e-7),
            [.. new double[100], .. rng.NextGaussians(100)],
        ];
        foreach (var x in points)
        {
            double[] expected = new double[200], actual = new double[200];
            double f = neuron.Evaluate(x, expected), g = network.Evaluate(x, actual);
            Assert.Equal(f, g, 2e-15 * f);
            double scale = expected.Max(Math.Abs);
            for (int i = 0; i < 200; i++) Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-15 * scale, $"∂{i}: {actual[i]} vs {expected[i]}");
            // The distance takes α from the two projections rather than from vᵀ(w₁ − w₂): a few ε apart.
            Assert.Equal(neuron.DistanceToSolutions(x), network.DistanceToSolutions(x), Math.Max(1e-13 * neuron.DistanceToSolutions(x), 1e-16));
        }
    }

    [Fact]
    public void Gradient_matches_central_differences_at_the_start_random_points_and_near_a_solution()
    {
        var rng = new Xoshiro256StarStar(42);
        double[][] points = [Default.Start, rng.NextGaussians(Default.Dimension), Add(DefaultSolution, rng.NextGaussians(Default.Dimension), 1e-3)];
        foreach (var x in points)
        {
            var check = GradientChecker.Check(Default, x);
            Assert.True(check.Passed(1e-6), check.ToString());
        }
        var wide = TeacherStudent.Generate(7, inputDimension: 9, students: 5, teachers: 3);
        var wideCheck = GradientChecker.Check(wide, new Xoshiro256StarStar(43).NextGaussians(wide.Dimension));
        Assert.True(wideCheck.Passed(1e-6), wideCheck.ToString());
    }

    [Fact]
    public void The_closed_form_is_the_expectation_over_Gaussian_inputs()
    {
        // An independent check of the kernel algebra: the sampled loss on 40,000 inputs, same teachers and point.
        var population = TeacherStudent.Generate(9, inputDimension: 8, students: 4, teachers: 2);
        var sampled = TeacherStudentSampled.Generate(9, inputDimension: 8, students: 4, teachers: 2, samples: 40_000);
        var x = new Xoshiro256StarStar(44).NextGaussians(population.Dimension);
        double[] g = Gradient(population, x), gs = Gradient(sampled, x);
        double f = Value(population, x), fs = Value(sampled, x);
        Assert.InRange(fs / f, 0.97, 1.03);
        double cosine = g.Zip(gs, (a, b) => a * b).Sum() / Math.Sqrt(g.Sum(a => a * a) * gs.Sum(b => b * b));
        Assert.InRange(cosine, 0.995, 1);
    }

    [Fact]
    public void Loss_is_nonnegative_and_vanishes_with_its_gradient_on_the_solution_set()
    {
        var rng = new Xoshiro256StarStar(45);
        for (int trial = 0; trial < 20; trial++)
            Assert.True(Value(Default, rng.NextGaussians(Default.Dimension)) > 0);
        // A zero student (a = 0) is part of a solution.
        foreach (var (teacher, a) in new[] { (new[] { 0, 0, 1, 1 }, new[] { 0.3, 0.7, 0.6, 0.4 }), (new[] { 1, 0, 0, 1 }, new[] { 1.0, 0.5, 0.5, 0 }), (new[] { 0, 1, 1, 1 }, new[] { 1.0, 0.2, 0.3, 0.5 }) })
        {
            double[] x = Split(Default, teacher, a);
            var g = new double[x.Length];
            double f = Default.Evaluate(x, g);
            Assert.InRange(Math.Abs(f), 0, 1e-30);
            if (a.All(ai => ai > 0)) Assert.All(g, gi => Assert.InRange(Math.Abs(gi), 0, 1e-14));
            Assert.Equal(0, Default.DistanceToSolutions(x), 1e-15);
        }
        Assert.True(Default.DistanceToSolutions(Default.Start) > 0.5);
    }

    [Fact]
    public void With_one_teacher_the_loss_keeps_its_relative_accuracy_next_to_the_solution_set()
    {
        // k = 1: every term involves nearly aligned neurons, so f ≈ dist³ is still computed at distance 1e-7.
        var problem = TeacherStudent.Generate(3, inputDimension: 20, students: 3, teachers: 1);
        double[] solution = Split(problem, [0, 0, 0], [0.2, 0.3, 0.5]);
        double[] offset = OrthogonalToTeachers(problem, 46);
        double[] direction = [.. offset, .. offset.Select(e => -e), .. new double[20]];
        double near = Value(problem, Add(solution, direction, 1e-7)), far = Value(problem, Add(solution, direction, 1e-6));
        Assert.InRange(far / near, 1e3 * 0.99, 1e3 * 1.01);
    }

    [Fact]
    public void With_two_teachers_the_terms_across_teachers_cancel_without_a_floor_of_round_off()
    {
        // f ≈ C·t³ along opposite offsets: at t = 1e-6, f ≈ 1e-20, far below the 1e-16 a direct sum of the O(1) terms
        // between the two teachers' neurons would leave (the ratio then is anything but 1000).
        double[] offset = OrthogonalToTeachers(Default, 57);
        double[] direction = [.. offset, .. offset.Select(e => -e), .. new double[100]];
        foreach (double t in new[] { 1e-5, 1e-6, 1e-7 })
        {
            double near = Value(Default, Add(DefaultSolution, direction, t)), far = Value(Default, Add(DefaultSolution, direction, 10 * t));
            Assert.InRange(far / near, 1e3 * 0.99, 1e3 * 1.01);
        }
        // The same across the groups: students of the second teacher moved off it too.
        double[] both = [.. offset, .. offset.Select(e => -e), .. offset.Select(e => 0.5 * e), .. offset.Select(e => -0.5 * e)];
        double nearBoth = Value(Default, Add(DefaultSolution, both, 1e-6)), farBoth = Value(Default, Add(DefaultSolution, both, 1e-5));
        Assert.InRange(farBoth / nearBoth, 1e3 * 0.99, 1e3 * 1.01);
    }

    [Fact]
    public void Distance_is_the_offset_orthogonal_to_the_teachers_and_never_more_than_any_solution()
    {
        double[] solution = DefaultSolution;
        double[] offset = OrthogonalToTeachers(Default, 47);
        double[] direction = new double[Default.Dimension];
        offset.CopyTo(direction, 0);
        Assert.Equal(1e-3, Default.DistanceToSolutions(Add(solution, direction, 1e-3)), 1e-15);
        // Any solution point bounds the distance from above.
        var x = Add(solution, new Xoshiro256StarStar(48).NextGaussians(Default.Dimension), 0.05);
        double distance = Default.DistanceToSolutions(x);
        foreach (var candidate in new[] { solution, Split(Default, [0, 1, 1, 0], [0.5, 0.5, 0.5, 0.5]), Split(Default, [0, 0, 1, 0], [0.3, 0.7, 1, 0]) })
            Assert.True(distance <= Math.Sqrt(x.Zip(candidate, (a, b) => (a - b) * (a - b)).Sum()) + 1e-15);
        // ... and the noise has only a few of its 200 dimensions along the solution set's: most of it stays.
        Assert.True(distance > 0.9 * Math.Sqrt(x.Zip(solution, (a, b) => (a - b) * (a - b)).Sum()));
    }

    [Fact]
    public void The_Hessian_is_singular_at_a_solution_and_the_growth_across_the_set_is_cubic()
    {
        var problem = TeacherStudent.Generate(5, inputDimension: 6, students: 4, teachers: 2);
        double[] solution = Split(problem, [0, 0, 1, 1], [0.3, 0.7, 0.6, 0.4]);
        int rank = Degeneracy.Rank(Degeneracy.Hessian(problem, solution));
        Assert.InRange(rank, 1, problem.Dimension - 2);
        // Opposite offsets orthogonal to the teachers keep Σwᵢ = Σvⱼ: f grows like t³ along them.
        double[] offset = OrthogonalToTeachers(problem, 49);
        double[] direction = [.. offset, .. offset.Select(e => -e), .. new double[12]];
        Assert.InRange(Degeneracy.GrowthOrder(problem, solution, direction, 1e-3), 2.95, 3.05);
    }

    [Fact]
    public void Evaluation_and_distance_allocate_nothing_and_repeat_bit_for_bit()
    {
        var x = Add(DefaultSolution, new Xoshiro256StarStar(50).NextGaussians(Default.Dimension), 0.01);
        Assert.Equal(0, AllocatedBytesOfEvaluations(Default, x, 20));
        Assert.Equal(0, Optimization.AllocationMeasurement.AllocatedBy(() => Default.DistanceToSolutions(x)));
        var again = TeacherStudent.Generate(ProblemRegistry.DefaultSeed);
        Assert.Equal(Gradient(Default, x), Gradient(again, x));
        Assert.Equal(Value(Default, x), Value(again, x));
    }

    [Fact]
    public void More_teachers_than_students_or_a_zero_teacher_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TeacherStudent(new double[3], new double[6], 3));
        Assert.Throws<ArgumentException>(() => new TeacherStudent(new double[6], [1, 0, 0, 0, 0, 0], 3));
        Assert.Throws<ArgumentException>(() => new TeacherStudent(new double[5], [1, 0, 0], 3));
        Assert.Throws<ArgumentException>(() => TeacherStudent.Generate(1, inputDimension: 4, students: 20, teachers: 3));
    }
}
