using Ravine.Methods;

namespace Ravine.Cli.Compare;

/// <summary>
/// The grid <c>compare --tune</c> gives every method, the same for all (the convention of DeepOBS and other optimizer
/// benchmarks): its stepsize option (<see cref="MethodDefaults.Stepsize"/>) over <see cref="Stepsizes"/>, and each
/// required whole-number option without a value (GDPolyak's K off the paper's problems) over <see cref="Counts"/>.
/// A method that can run at its defaults also tries them, first. A method with neither runs once at its defaults,
/// which costs it no tuning.
/// </summary>
/// <param name="Stepsizes">The stepsize values (default: 1e-4 to 10, one per decade).</param>
/// <param name="Counts">The values of a required count such as K (default: 10, 100, 1000).</param>
internal sealed record TuningGrid(IReadOnlyList<double> Stepsizes, IReadOnlyList<double> Counts)
{
    /// <summary>The stepsize grid as typed by default.</summary>
    public const string DefaultStepsizes = "1e-4:10:6";

    /// <summary>The count grid as typed by default.</summary>
    public const string DefaultCounts = "10,100,1000";

    /// <summary>The default grid.</summary>
    public static TuningGrid Default { get; } = new(GridSpec.Parse(DefaultStepsizes, "tune-grid"), GridSpec.Parse(DefaultCounts, "tune-counts"));

    /// <summary>
    /// The settings to try for <paramref name="method"/> on <paramref name="problem"/>: the grid over its tunable
    /// options, the rest at their defaults. Null when a required option is neither tunable nor set (the method cannot run).
    /// </summary>
    public IReadOnlyList<MethodSetting>? Settings(MethodDescriptor method, string problem, double optimalValue)
    {
        ArgumentNullException.ThrowIfNull(method);
        var defaults = MethodDefaults.For(method, problem);
        var missing = MethodDefaults.Missing(method, defaults);
        var stepsize = MethodDefaults.Stepsize(method);
        if (missing.Any(o => o != stepsize && o.Kind != OptionKind.Integer))
            return null;
        var axes = new List<(string Key, IReadOnlyList<double> Values)>();
        if (stepsize is not null) axes.Add((stepsize.Key, Accepted(stepsize, Stepsizes)));
        foreach (var count in missing.Where(o => o.Kind == OptionKind.Integer))
            axes.Add((count.Key, Accepted(count, GridSpec.Whole(Counts, count.Minimum))));
        if (axes.Any(a => a.Values.Count == 0))
            return null;
        IEnumerable<Dictionary<string, string>> given = [new Dictionary<string, string>(StringComparer.Ordinal)];
        foreach (var (key, values) in axes)
            given = given.SelectMany(g => values.Select(v => new Dictionary<string, string>(g, StringComparer.Ordinal) { [key] = MethodDescriptor.Format(v) }));
        var grid = given.Select(g => new MethodSetting(method.Resolve(g, defaults, optimalValue))).ToList();
        // The defaults (the paper's η and K on its problems) join the grid when they are not on it, first so that they
        // win ties: tuning must never report a method worse than it runs untuned because the grid stepped over its default.
        if (missing.Count == 0 && new MethodSetting(method.Resolve(null, defaults, optimalValue)) is var atDefaults
            && grid.All(g => g.Label != atDefaults.Label))
            grid.Insert(0, atDefaults);
        return grid;
    }

    // A grid value outside an option's domain (a stepsize bounded above, say) is left out rather than failing the run.
    private static IReadOnlyList<double> Accepted(MethodOption option, IReadOnlyList<double> values) =>
        values.Where(v =>
        {
            try
            {
                option.Parse(MethodDescriptor.Format(v));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }).ToArray();
}
