using Ravine.Cli.Experiments;

namespace Ravine.Cli.Versus;

/// <summary>
/// <c>ravine versus --format json</c>: the contenders, one object per instance (the calls, the ratio and what each
/// run said about its f*) and the summary, in the JSON of the run summaries (∞ and NaN as "Infinity" and "NaN").
/// </summary>
internal static class VersusJson
{
    /// <summary>The whole comparison as one JSON object.</summary>
    public static string Serialize(Contender reference, Contender challenger, IReadOnlyList<CallsRatioRow> rows, VersusSummary summary) =>
        ExperimentJson.Serialize(new
        {
            reference = reference.Text,
            challenger = challenger.Text,
            budgetFactor = CallsRatio.BudgetFactor,
            rows = rows.Select(r => new
            {
                problem = r.Problem,
                seed = r.Seed,
                target = r.Target,
                referenceCalls = r.ReferenceCalls,
                referenceReached = r.ReferenceReached,
                referenceBestGap = r.ReferenceBestGap,
                referenceSays = r.ReferenceDoubt,
                challengerCalls = r.ChallengerCalls,
                challengerBudget = r.ChallengerBudget,
                challengerBestGap = r.ChallengerBestGap,
                challengerSays = r.ChallengerDoubt,
                ratio = r.Ratio,
            }),
            summary = new
            {
                instances = summary.Instances,
                worstRatio = summary.Worst?.Ratio,
                worstProblem = summary.Worst?.Problem,
                worstSeed = summary.Worst?.Seed,
                medianRatio = summary.MedianRatio,
                challengerMissed = summary.Missed,
                challengerMissedSaidWrong = summary.MissedFlagged,
                challengerSaidWrong = summary.Flagged,
                referenceMissed = summary.ReferenceMissed,
                referenceSaidWrong = summary.ReferenceFlagged,
            },
        });
}
