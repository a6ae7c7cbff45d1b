namespace Ravine.Cli.Compare;

/// <summary>
/// Turns the runs of a comparison into its results: the reported setting of each method × problem (the only one,
/// or the best of the grid), the per-target statistics, and the cost tables the profiles are drawn from.
/// </summary>
internal sealed class CompareAnalysis
{
    private readonly ComparePlan _plan;
    private readonly IReadOnlyList<CompareEntry> _entries;
    private readonly CompareRun?[][][] _runs;
    private readonly int[] _chosen;

    /// <summary>Analyses <paramref name="runs"/> ([entry][setting][seed], null = not run) of <paramref name="entries"/>.</summary>
    public CompareAnalysis(ComparePlan plan, IReadOnlyList<CompareEntry> entries, CompareRun?[][][] runs)
    {
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _entries = entries ?? throw new ArgumentNullException(nameof(entries));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _chosen = entries.Select((e, i) => e.Tuned && Complete(i) ? TuningSelection.Best(Finished(i), plan.Targets.Count) : 0).ToArray();
    }

    /// <summary>The reported runs of entry <paramref name="entry"/> (those that finished), by seed.</summary>
    public IReadOnlyList<CompareRun> Reported(int entry) =>
        _entries[entry].Settings.Count == 0 ? [] : _runs[entry][_chosen[entry]].OfType<CompareRun>().ToArray();

    /// <summary>Every finished run of every setting, in entry, setting, seed order (what <c>runs.csv</c> lists).</summary>
    public IEnumerable<(CompareRun Run, bool Reported)> AllRuns() =>
        _runs.SelectMany((settings, e) => settings.SelectMany((seeds, s) => seeds.OfType<CompareRun>().Select(r => (r, s == _chosen[e]))));

    /// <summary>One summary row per entry.</summary>
    public IReadOnlyList<MethodProblemSummary> Summaries() => _entries.Select((e, i) => Summary(i)).ToArray();

    /// <summary>
    /// The cost table of target <paramref name="target"/>: [instance, method] in oracle calls, +∞ for a failure, a
    /// method that could not run, or a run that did not finish. Instances are problem × seed in the plan's order.
    /// With a tuning grid the other settings' calls on the instance are added (the tuning is paid per problem).
    /// </summary>
    public ProfileData Profile(int target)
    {
        var problems = _entries.Select(e => e.Problem).Distinct().ToArray();
        var methods = _entries.Select(e => e.Method.Name).Distinct().ToArray();
        var cost = new double[problems.Length * _plan.Seeds, methods.Length];
        var dimensions = new int[problems.Length * _plan.Seeds];
        var labels = new string[problems.Length * _plan.Seeds];
        for (int p = 0; p < problems.Length; p++)
        {
            int dimension = problems[p].Generate(_plan.FirstSeed).Dimension;
            for (int k = 0; k < _plan.Seeds; k++)
            {
                dimensions[p * _plan.Seeds + k] = dimension;
                labels[p * _plan.Seeds + k] = $"{problems[p].Name}#{k}";
                for (int m = 0; m < methods.Length; m++) cost[p * _plan.Seeds + k, m] = double.PositiveInfinity;
            }
        }
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Settings.Count == 0) continue;
            int p = Array.IndexOf(problems, _entries[i].Problem), m = Array.IndexOf(methods, _entries[i].Method.Name);
            double[] tuning = _entries[i].Tuned && Complete(i) ? TuningSelection.TuningCalls(Finished(i), _chosen[i]) : new double[_plan.Seeds];
            for (int k = 0; k < _plan.Seeds; k++)
                if (_runs[i][_chosen[i]][k] is { } run)
                    cost[p * _plan.Seeds + k, m] = run.Cost(target) + tuning[k];
        }
        return new ProfileData(_plan.Targets[target], methods, labels, dimensions, cost, _entries.Any(e => e.Tuned));
    }

    private bool Complete(int entry) => _runs[entry].All(seeds => seeds.All(r => r is not null));

    private IReadOnlyList<IReadOnlyList<CompareRun>> Finished(int entry) => _runs[entry].Select(seeds => (IReadOnlyList<CompareRun>)seeds.Select(r => r!).ToArray()).ToArray();

    private MethodProblemSummary Summary(int i)
    {
        var entry = _entries[i];
        var runs = Reported(i);
        double[] tuning = entry.Tuned && Complete(i) ? TuningSelection.TuningCalls(Finished(i), _chosen[i]) : [0];
        return new MethodProblemSummary
        {
            Method = entry.Method.Name,
            Problem = entry.Problem.Name,
            Degenerate = entry.Problem.Degenerate,
            NeedsTuning = entry.NeedsTuning,
            Setting = entry.Settings.Count == 0 ? null : entry.Settings[_chosen[i]].Label,
            SettingsTried = entry.Settings.Count,
            Runs = runs.Count,
            Targets = _plan.Targets.Select((target, t) =>
            {
                var solved = runs.Where(r => r.CallsToTarget[t] is not null).ToArray();
                return new TargetSummary
                {
                    Target = target,
                    Solved = solved.Length,
                    SuccessRate = runs.Count == 0 ? 0 : (double)solved.Length / runs.Count,
                    Calls = Quartiles.Of(solved.Select(r => (double)r.CallsToTarget[t]!.Value)),
                    Seconds = Quartiles.Of(solved.Select(r => r.SecondsToTarget[t]!.Value)),
                };
            }).ToArray(),
            BestGapMedian = Quartiles.Of(runs.Select(r => r.BestGap)).Median,
            BestGapMin = runs.Count == 0 ? double.NaN : runs.Min(r => r.BestGap),
            Diverged = runs.Count(r => r.Diverged),
            TuningCallsMedian = Quartiles.Of(tuning).Median,
            StopReasons = string.Join(", ", runs.GroupBy(r => r.StopReason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")),
            TrainAccuracyMedian = MedianOf(runs.Select(r => r.TrainAccuracy)),
            TestAccuracyMedian = MedianOf(runs.Select(r => r.TestAccuracy)),
        };
    }

    // Null when no run measured it (the problem does not know its accuracy).
    private static double? MedianOf(IEnumerable<double?> values)
    {
        var measured = values.OfType<double>().ToArray();
        return measured.Length == 0 ? null : Quartiles.Of(measured).Median;
    }
}
