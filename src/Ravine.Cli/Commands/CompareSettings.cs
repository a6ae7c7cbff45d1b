using System.ComponentModel;
using System.Globalization;
using Ravine.Cli.Compare;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options of <c>ravine compare</c>.</summary>
internal sealed class CompareSettings : CallBudgetSettings
{
    [CommandOption("--methods <NAMES>")]
    [Description("Comma-separated methods (default: every method; ravine methods lists them).")]
    public string? Methods { get; init; }

    [CommandOption("--problems <NAMES>")]
    [Description("Comma-separated problems (default: every problem that needs no installed data set: the paper's, the teacher–student networks and the external test set).")]
    public string? Problems { get; init; }

    [CommandOption("--seeds <N>")]
    [Description("Seeds per problem (default: 10; 3 with --quick). A problem with a fixed standard start gets a seeded perturbation of it for every seed but the first (docs/COMPARE.md).")]
    public int? Seeds { get; init; }

    [CommandOption("--targets <GAPS>")]
    [Description("Comma-separated target gaps f − f* (default: 1e-6,1e-10,1e-15); the tables show the middle one.")]
    public string? Targets { get; init; }

    [CommandOption("--tune")]
    [Description("Run each method over the same grid of its stepsize (eta or lr; and a required count such as GDPolyak's K) and report the best setting per problem; the grid's calls count in the profiles.")]
    public bool Tune { get; init; }

    [CommandOption("--tune-grid <GRID>")]
    [Description("The stepsize grid of --tune: FROM:TO:N log-spaced or a list (default: 1e-4:10:6).")]
    public string TuneGrid { get; init; } = TuningGrid.DefaultStepsizes;

    [CommandOption("--tune-counts <GRID>")]
    [Description("The grid of --tune for a required count without a default, such as K (default: 10,100,1000).")]
    public string TuneCounts { get; init; } = TuningGrid.DefaultCounts;

    [CommandOption("--quick")]
    [Description("A small subset: 5 problems (quartic-rosenbrock, quadratic-sensing, singular-wood, cragg-levy, beale) × 3 seeds; --problems and --seeds still win.")]
    public bool Quick { get; init; }

    /// <summary>The plan these options describe.</summary>
    public ComparePlan ToPlan() => new()
    {
        Methods = Methods is null ? Ravine.Methods.MethodRegistry.Names : Split(Methods),
        Problems = Problems is not null ? Split(Problems) : Quick ? ComparePlan.QuickProblems : ComparePlan.DefaultProblems,
        Seeds = Seeds ?? (Quick ? ComparePlan.QuickSeeds : ComparePlan.DefaultSeeds),
        FirstSeed = Seed,
        MaxCalls = MaxCalls,
        Targets = Targets is null ? ComparePlan.DefaultTargets : Split(Targets).Select(ParseTarget).ToArray(),
        Grid = Tune ? new TuningGrid(GridSpec.Parse(TuneGrid, "tune-grid"), GridSpec.Parse(TuneCounts, "tune-counts")) : null,
    };

    protected override void CheckPlan() => ToPlan().Validate();

    private static double ParseTarget(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"--targets takes positive numbers such as 1e-10, not '{text}'.", "targets");

    private static string[] Split(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
