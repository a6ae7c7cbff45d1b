using System.ComponentModel;
using System.Globalization;
using Ravine.Cli.Compare;
using Ravine.Methods;
using Ravine.Problems;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options of <c>ravine sweep</c>.</summary>
internal sealed class SweepSettings : CallBudgetSettings
{
    [CommandOption("--problem <NAME>")]
    [Description("The problem (required).")]
    public string? Problem { get; init; }

    [CommandOption("--method <NAME>")]
    [Description("The method (required).")]
    public string? Method { get; init; }

    [CommandOption("--grid <KEY=GRID>")]
    [Description("An axis: a method option and FROM:TO:N (log-spaced) or a list a,b,c; give it once or twice (default: the stepsize eta/lr over six half-decades up to √10× the problem's default, × K over five values from a tenth to ten times it).")]
    public string[] Grid { get; init; } = [];

    [CommandOption("--set <KEY=VALUE>")]
    [Description("A method option fixed in every cell, e.g. --set epochs=20 (repeatable).")]
    public string[] Set { get; init; } = [];

    [CommandOption("--target <GAP>")]
    [Description("The gap f − f* whose oracle-call count the second heatmap shows (default: 1e-10).")]
    public double Target { get; init; } = 1e-10;

    [CommandOption("--seeds <N>")]
    [Description("Seeds per cell; cells show the median (default: 1).")]
    public int Seeds { get; init; } = 1;

    /// <summary>The plan these options describe.</summary>
    /// <exception cref="ArgumentException">A missing or unknown name, a bad grid or value.</exception>
    public SweepPlan ToPlan()
    {
        var problem = ProblemRegistry.Find(Problem ?? throw new ArgumentException("sweep needs --problem NAME.", "problem"));
        var method = MethodRegistry.Find(Method ?? throw new ArgumentException("sweep needs --method NAME.", "method"));
        if (Grid.Length > 2) throw new ArgumentException("--grid is given at most twice (x and y).", "grid");
        var axes = Grid.Length > 0 ? Grid.Select(g => SweepPlan.ParseAxis(method, g)).ToArray() : SweepPlan.DefaultAxes(method, problem.Name);
        if (axes.Count == 2 && axes[0].Key == axes[1].Key) throw new ArgumentException($"--grid names {axes[0].Key} twice.", "grid");
        var fixedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in Set)
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new ArgumentException($"--set takes KEY=VALUE, not '{pair}'.", "set");
            fixedValues[pair[..equals].Trim().TrimStart('-')] = pair[(equals + 1)..].Trim();
        }
        method.Check(fixedValues);
        if (Seeds < 1) throw new ArgumentException($"--seeds must be at least 1, not {Seeds}.", "seeds");
        if (MaxCalls < 2) throw new ArgumentException($"--max-calls must be at least 2, not {MaxCalls}.", "max-calls");
        if (!(Target > 0) || !double.IsFinite(Target)) throw new ArgumentException($"--target must be a positive number, not {Target.ToString(CultureInfo.InvariantCulture)}.", "target");
        var plan = new SweepPlan
        {
            Method = method, Problem = problem, X = axes[0], Y = axes.Count > 1 ? axes[1] : null, Fixed = fixedValues,
            FirstSeed = Seed, Seeds = Seeds, MaxCalls = MaxCalls, Target = Target,
        };
        plan.Cell(0, 0);
        return plan;
    }

    protected override void CheckPlan() => ToPlan();
}
