using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Cli.Compare;

/// <summary>
/// One method on one problem in a comparison: the settings it runs with (one at its defaults, or a tuning grid), or
/// why it cannot run (a required option with no value and no <c>--tune</c>: "needs tuning", reported, not skipped).
/// </summary>
/// <param name="Method">The method.</param>
/// <param name="Problem">The problem.</param>
/// <param name="Settings">The settings to run; empty when the method cannot run here.</param>
/// <param name="NeedsTuning">What is missing ("needs --eta"), or null when the method runs.</param>
internal sealed record CompareEntry(MethodDescriptor Method, ProblemDescriptor Problem, IReadOnlyList<MethodSetting> Settings, string? NeedsTuning)
{
    /// <summary>True when more than one setting is tried, so that the tuning's cost counts.</summary>
    public bool Tuned => Settings.Count > 1;

    /// <summary>Every method × problem of <paramref name="plan"/>, problem-major, methods in the plan's order.</summary>
    public static IReadOnlyList<CompareEntry> For(ComparePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var entries = new List<CompareEntry>();
        foreach (var problem in plan.Problems.Select(ProblemRegistry.Find))
        {
            double optimal = problem.Generate(plan.FirstSeed).OptimalValue;
            foreach (var method in plan.Methods.Select(MethodRegistry.Find))
                entries.Add(Create(method, problem, optimal, plan.Grid));
        }
        return entries;
    }

    private static CompareEntry Create(MethodDescriptor method, ProblemDescriptor problem, double optimal, TuningGrid? grid)
    {
        var defaults = MethodDefaults.For(method, problem.Name);
        var missing = MethodDefaults.Missing(method, defaults);
        string needs = "needs " + string.Join(", ", missing.Select(o => o.Flag));
        if (grid is null)
            return missing.Count > 0
                ? new(method, problem, [], needs)
                : new(method, problem, [new MethodSetting(method.Resolve(null, defaults, optimal))], null);
        var settings = grid.Settings(method, problem.Name, optimal);
        return settings is null ? new(method, problem, [], needs + " (not tunable)") : new(method, problem, settings, null);
    }
}
