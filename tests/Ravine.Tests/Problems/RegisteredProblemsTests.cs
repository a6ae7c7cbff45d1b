using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;
using Ravine.Tests.Methods;
using Ravine.Tests.Optimization;
using static Ravine.Tests.Problems.ProblemTestMath;

namespace Ravine.Tests.Problems;

/// <summary>
/// What every registered problem owes, whatever its own tests add: a gradient that matches differences, an oracle that
/// allocates nothing and repeats itself bit for bit, and a run whose traced distance allocates nothing per iteration.
/// A problem added to the registry is covered here without a line of its own.
/// </summary>
[Collection(AllocationMeasurementCollection.Name)]
public class RegisteredProblemsTests
{
    /// <summary>Every problem that runs without installed data (those have their own, skippable tests).</summary>
    public static TheoryData<string> Names() => new(ProblemRegistry.All.Where(p => !p.NeedsExternalData).Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_differences_at_the_start(string name)
    {
        var problem = ProblemRegistry.Generate(name);
        var check = GradientChecker.Check(problem, problem.Start, new GradientCheckOptions { Coordinates = 20, Seed = 3 });
        Assert.True(check.Passed(1e-6), check.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_oracle_allocates_nothing_and_repeats_bit_for_bit(string name)
    {
        var problem = ProblemRegistry.Generate(name);
        double[] start = problem.Start;
        Assert.Equal(0, AllocatedBytesOfEvaluations(problem, start, 5));
        var other = ProblemRegistry.Generate(name);
        Assert.Equal(Value(problem, start), Value(other, start));
        Assert.Equal(Gradient(problem, start), Gradient(other, start));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_traced_run_allocates_only_its_trace_columns(string name)
    {
        // As PublishedAllocationTests for the paper's problems: 61 bytes per trace row of a method that declares no
        // columns (Polyak), the distance included.
        var problem = ProblemRegistry.Generate(name);
        double[] start = problem.Start;
        long Run(int iterations)
        {
            var options = new MinimizeOptions { MaxIterations = iterations, RecordTrace = true };
            return Optimization.AllocationMeasurement.AllocatedBy(() => Minimizer.Minimize(problem, start, MethodsUnderTest.Create("polyak", 0), options));
        }
        long extra = Run(40) - Run(20);
        Assert.InRange(extra, 20 * 61 - 128, 20 * 61 + 128);
    }
}
