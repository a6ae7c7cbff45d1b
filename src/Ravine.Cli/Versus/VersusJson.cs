using Ravine.Analysis;
using Ravine.Cli.Experiments;

namespace Ravine.Cli.Versus;

/// <summary>
/// <c>ravine versus --format json</c>: the contenders, one object per instance and challenger (the calls, the ratio
/// and what each run said about its f*, and the challenger's long-step forecasts) and a summary per challenger (its forecasts pooled), in the JSON of the run summaries (∞ and NaN as "Infinity" and "NaN").
/// </summary>
internal static class VersusJson
{
    /// <summary>The whole comparison as one JSON object.</summary>
    public static string Serialize(Contender reference, IReadOnlyList<Contender> challengers, IReadOnlyList<CallsRatioRow> rows) =>
        ExperimentJson.Serialize(new
        {
            reference = reference.Text,
            challengers = challengers.Select(c => c.Text),
            budgetFactor = CallsRatio.BudgetFactor,
            rows = rows.Select(r => new
            {
                challenger = challengers[r.Challenger].Text,
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
                challengerForecast = r.ChallengerForecast,
            }),
            summaries = challengers.Select((c, i) => (Challenger: c, Index: i, Summary: VersusSummary.Of(rows.Where(r => r.Challenger == i).ToArray()))).Select(s => new
            {
                challenger = s.Challenger.Text,
                instances = s.Summary.Instances,
                worstRatio = s.Summary.Worst?.Ratio,
                worstProblem = s.Summary.Worst?.Problem,
                worstSeed = s.Summary.Worst?.Seed,
                medianRatio = s.Summary.MedianRatio,
                challengerMissed = s.Summary.Missed,
                challengerMissedSaidWrong = s.Summary.MissedFlagged,
                challengerSaidWrong = s.Summary.Flagged,
                referenceMissed = s.Summary.ReferenceMissed,
                referenceSaidWrong = s.Summary.ReferenceFlagged,
                forecast = ForecastRecord.Combine(rows.Where(r => r.Challenger == s.Index).Select(r => r.ChallengerForecast)),
            }),
        });
}
