using Ravine.Cli.Paper;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// What one run is, resolved once before it starts: the instance, the method with its options in effect, the start,
/// the iteration budget, the other stops and the seed. <see cref="Runner"/> executes it, and every output
/// of the run is written from the <see cref="RunRecord"/> that comes back.
/// </summary>
/// <param name="Key">The problem's and the method's names.</param>
/// <param name="Problem">The run's own instance.</param>
/// <param name="Arguments">The method's options in effect and f*.</param>
/// <param name="Method">The method, made from <paramref name="Arguments"/>.</param>
/// <param name="Seed">The seed of the instance.</param>
/// <param name="Budget">The iteration limit.</param>
public sealed record RunSpec(ExperimentKey Key, ITestProblem Problem, MethodArguments Arguments, IMethod Method, ulong Seed, long Budget)
{
    /// <summary>The start point, or null for the instance's own.</summary>
    public double[]? Start { get; init; }

    /// <summary>For a run of a published experiment (<c>reproduce</c>, <c>bench</c>): its settings, as the plan cut them.</summary>
    public PublishedExperiment? Published { get; init; }

    /// <summary>The stops besides the budget (tolerances, a time limit, validation on held-out data), or null for none.</summary>
    public Func<MinimizeOptions, MinimizeOptions>? Stops { get; init; }

    /// <summary>
    /// One problem × method of <paramref name="plan"/>: the seeded instance from its start, with the published settings;
    /// GDPolyak runs its epochs and every other method K·epochs iterations, as the paper compares them.
    /// </summary>
    public static RunSpec For(ExperimentPlan plan, ExperimentKey key)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(key);
        var problem = ProblemRegistry.Generate(key.Problem, plan.Seed);
        var published = plan.SettingsFor(key.Problem);
        var descriptor = MethodRegistry.Find(key.Method);
        var arguments = descriptor.Resolve(defaults: published.MethodDefaults(descriptor), optimalValue: problem.OptimalValue);
        var method = descriptor.Create(arguments);
        return new RunSpec(key, problem, arguments, method, plan.Seed, PublishedExperiments.IterationBudget(method, published)) { Published = published };
    }
}
