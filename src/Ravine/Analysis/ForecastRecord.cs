using System.Text.Json.Serialization;
using Ravine.Optimization;

namespace Ravine.Analysis;

/// <summary>
/// How well a run's long-step forecasts (the trace's <see cref="Trace.PredictedValue"/>, GDPolyak's safeguard) matched
/// what the steps did, read off the trace alone: a long step's forecast is on its row, the row's f is the outcome, and
/// the row before is the point it left from. In the run's summary JSON, the console line of <c>ravine run</c> and
/// <c>ravine versus --forecast</c> (see docs/ADAPTIVE.md, "The forecast's record").
/// </summary>
/// <remarks>
/// <para>
/// The long steps counted are those with a forecast: the long rows, and the rows of long steps undone at once
/// (<see cref="StepKind.Rejected"/> rows that carry a forecast; a rollback judged by its epoch has none). An undone
/// step counts as a rise (it landed above f(x₀), or on NaN or ∞) and has no error: its outcome is not in the trace.
/// </para>
/// <para>
/// The error of a forecast is |log₁₀(predicted gap / actual gap)|, the gaps measured from the trace's f*: the actual
/// gap is the row's gap f − f*, the predicted gap that plus the predicted f minus the row's f (as exact as the gap
/// column, also when f* is not 0). Rows where either gap is ≤ 0 or not finite have no error and are skipped (at f's
/// round-off floor, or a forecast below f*); so is every row when f* is unknown (the gap column is NaN), and
/// <see cref="MedianError"/> is then NaN.
/// </para>
/// </remarks>
/// <param name="LongSteps">Long steps with a forecast, undone ones included.</param>
/// <param name="Shortened">Of those, the steps the forecast shortened (noted <see cref="ShortenedNote"/>).</param>
/// <param name="Undone">Of those, the steps undone at once because they blew up (<see cref="StepKind.Rejected"/> rows with a forecast).</param>
/// <param name="PredictedRises">The steps the forecast said would raise f: predicted f above f at the point the step left from.</param>
/// <param name="ActualRises">The steps that did raise f (undone ones included).</param>
/// <param name="DirectionRight">The steps whose direction (rise or not) the forecast called right.</param>
/// <param name="Measured">The steps with an error: both gaps positive and finite (see the remarks).</param>
/// <param name="MedianError">The median of the errors in decades, |log₁₀(predicted gap / actual gap)|; NaN when no step has one.</param>
public sealed record ForecastRecord(int LongSteps, int Shortened, int Undone, int PredictedRises, int ActualRises, int DirectionRight, int Measured, double MedianError)
{
    /// <summary>
    /// The trace note of a long step the forecast shortened, as GDPolyak's safeguard writes it. A step keeps one note: a
    /// shortened step that was still undone is noted as undone, and one from which a given f* was dropped says that.
    /// </summary>
    public const string ShortenedNote = "shortened";

    /// <summary>The share of <see cref="LongSteps"/> whose direction the forecast called right; NaN without long steps.</summary>
    [JsonIgnore]
    public double DirectionRightShare => LongSteps > 0 ? (double)DirectionRight / LongSteps : double.NaN;

    /// <summary>
    /// Each measured step's error in decades, in trace order, which <see cref="Combine"/> pools; not in the summary JSON,
    /// so a record read back from JSON has none, and two records are equal when their counts and medians are.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<double> Errors { get; private init; } = [];

    /// <inheritdoc />
    public bool Equals(ForecastRecord? other) =>
        other is not null && (LongSteps, Shortened, Undone, PredictedRises, ActualRises, DirectionRight, Measured) ==
        (other.LongSteps, other.Shortened, other.Undone, other.PredictedRises, other.ActualRises, other.DirectionRight, other.Measured)
        && MedianError.Equals(other.MedianError);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LongSteps, Shortened, Undone, PredictedRises, ActualRises, DirectionRight, Measured, MedianError);

    /// <summary>The record of <paramref name="trace"/>; null when the trace has no forecast column (a method, or a safeguard, that makes none).</summary>
    public static ForecastRecord? Of(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if ((trace.Columns & TraceColumns.Prediction) == 0) return null;
        var predicted = trace.PredictedValue;
        var value = trace.Value;
        var gap = trace.Gap;
        var kind = trace.Kind;
        var note = trace.Note;
        int longSteps = 0, shortened = 0, undone = 0, predictedRises = 0, actualRises = 0, right = 0;
        var errors = new List<double>();
        for (int i = 1; i < trace.Count; i++)
        {
            if (kind[i] is not (StepKind.Long or StepKind.Rejected) || double.IsNaN(predicted[i])) continue;
            longSteps++;
            bool wasUndone = kind[i] == StepKind.Rejected;
            if (wasUndone) undone++;
            if (note.Length > 0 && note[i] == ShortenedNote) shortened++;
            bool predictedRise = predicted[i] > value[i - 1], rose = wasUndone || !(value[i] <= value[i - 1]);
            if (predictedRise) predictedRises++;
            if (rose) actualRises++;
            if (predictedRise == rose) right++;
            if (wasUndone) continue;
            double actualGap = gap[i], predictedGap = gap[i] + (predicted[i] - value[i]);
            if (actualGap > 0 && predictedGap > 0 && double.IsFinite(actualGap) && double.IsFinite(predictedGap))
                errors.Add(Math.Abs(Math.Log10(predictedGap / actualGap)));
        }
        return Made(longSteps, shortened, undone, predictedRises, actualRises, right, [.. errors]);
    }

    /// <summary>
    /// The records of several runs as one (e.g. one problem over seeds): the counts added, the errors pooled, so the
    /// median is over every measured step; null when every record is null.
    /// </summary>
    public static ForecastRecord? Combine(IEnumerable<ForecastRecord?> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var present = records.OfType<ForecastRecord>().ToArray();
        if (present.Length == 0) return null;
        return Made(present.Sum(r => r.LongSteps), present.Sum(r => r.Shortened), present.Sum(r => r.Undone),
            present.Sum(r => r.PredictedRises), present.Sum(r => r.ActualRises), present.Sum(r => r.DirectionRight), [.. present.SelectMany(r => r.Errors)]);
    }

    private static ForecastRecord Made(int longSteps, int shortened, int undone, int predictedRises, int actualRises, int right, double[] errors) =>
        new(longSteps, shortened, undone, predictedRises, actualRises, right, errors.Length, RunDiagnostics.FiniteMedian(errors)) { Errors = errors };
}
