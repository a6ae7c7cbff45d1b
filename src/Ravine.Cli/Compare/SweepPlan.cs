using System.Globalization;
using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Cli.Compare;

/// <summary>One axis of a sweep: a method option and its values.</summary>
/// <param name="Key">The option's key, e.g. <c>eta</c>.</param>
/// <param name="Values">Its values, in order.</param>
internal sealed record SweepAxis(string Key, IReadOnlyList<double> Values);

/// <summary>
/// What <c>ravine sweep</c> runs: one method on one problem over a grid of one or two of its options, every cell
/// with the same oracle-call budget and seeds. By default the grid is the stepsize (eta or lr) times GDPolyak's K
/// (any required whole-number option): six stepsizes from a hundredth to √10 times the problem's default, one per half
/// decade, and five counts from a tenth to ten times it; without a default, 1e-4 to 10 and 10 to 1000.
/// </summary>
internal sealed record SweepPlan
{
    public required MethodDescriptor Method { get; init; }
    public required ProblemDescriptor Problem { get; init; }
    /// <summary>The x axis (columns of the heatmap).</summary>
    public required SweepAxis X { get; init; }
    /// <summary>The y axis (rows), or null for a one-row sweep.</summary>
    public SweepAxis? Y { get; init; }
    /// <summary>Options fixed for every cell (<c>--set</c>).</summary>
    public IReadOnlyDictionary<string, string> Fixed { get; init; } = new Dictionary<string, string>();
    public ulong FirstSeed { get; init; } = ProblemRegistry.DefaultSeed;
    public int Seeds { get; init; } = 1;
    public long MaxCalls { get; init; } = ComparePlan.DefaultMaxCalls;
    public double Target { get; init; } = 1e-10;
    public int MaxParallelRuns { get; init; } = Environment.ProcessorCount;

    /// <summary>The default axes of <paramref name="method"/> on <paramref name="problem"/> (see the type's summary).</summary>
    /// <exception cref="ArgumentException">The method has no stepsize and no count to sweep.</exception>
    public static IReadOnlyList<SweepAxis> DefaultAxes(MethodDescriptor method, string problem)
    {
        ArgumentNullException.ThrowIfNull(method);
        var defaults = MethodDefaults.For(method, problem);
        var axes = new List<SweepAxis>();
        if (MethodDefaults.Stepsize(method) is { } stepsize)
            axes.Add(new(stepsize.Key, Value(stepsize, defaults) is double eta
                ? GridSpec.LogSpaced(eta / 100, eta * Math.Sqrt(10), 6)
                : GridSpec.LogSpaced(1e-4, 10, 6)));
        foreach (var count in method.Options.Where(o => o.Kind == OptionKind.Integer && o.Required).Take(2 - axes.Count))
            axes.Add(new(count.Key, GridSpec.Whole(Value(count, defaults) is double k
                ? GridSpec.LogSpaced(k / 10, k * 10, 5)
                : GridSpec.LogSpaced(10, 1000, 5), count.Minimum)));
        return axes.Count > 0 ? axes
            : throw new ArgumentException($"{method.Name} has no stepsize or required count to sweep by default; give --grid KEY=FROM:TO:N. {method.OptionList()}", "grid");
    }

    /// <summary>Parses <c>KEY=GRID</c> for <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException">Not KEY=GRID, an unknown key, or a malformed grid.</exception>
    public static SweepAxis ParseAxis(MethodDescriptor method, string text)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(text);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) throw new ArgumentException($"--grid takes KEY=FROM:TO:N or KEY=a,b,c, not '{text}'.", "grid");
        string key = text[..equals].Trim().TrimStart('-');
        var option = method.Option(key) ?? throw new ArgumentException($"{method.Name} has no option --{key}. {method.OptionList()}", "grid");
        if (option.Kind == OptionKind.Choice) throw new ArgumentException($"--{key} is a choice, not a number; sweep numbers only.", "grid");
        var values = GridSpec.Parse(text[(equals + 1)..], "grid");
        if (option.Kind == OptionKind.Integer) values = GridSpec.Whole(values, option.Minimum);
        foreach (double v in values) option.Parse(MethodDescriptor.Format(v));
        return new SweepAxis(key, values);
    }

    /// <summary>The resolved settings of cell (x, y).</summary>
    /// <exception cref="ArgumentException">The cell's settings do not resolve (a required option is still missing).</exception>
    public MethodSetting Cell(int x, int y)
    {
        var given = new Dictionary<string, string>(Fixed, StringComparer.Ordinal) { [X.Key] = MethodDescriptor.Format(X.Values[x]) };
        if (Y is not null) given[Y.Key] = MethodDescriptor.Format(Y.Values[y]);
        return new MethodSetting(Method.Resolve(given, MethodDefaults.For(Method, Problem.Name), Problem.Generate(FirstSeed).OptimalValue));
    }

    private static double? Value(MethodOption option, IReadOnlyDictionary<string, string> defaults) =>
        (defaults.TryGetValue(option.Key, out var text) ? text : option.Default) is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : null;
}
