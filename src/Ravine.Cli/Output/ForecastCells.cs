using System.Globalization;
using Ravine.Analysis;

namespace Ravine.Cli.Output;

/// <summary>
/// A <see cref="ForecastRecord"/> as table cells (the columns of <c>ravine versus --forecast</c>) and as the closing
/// line of <c>ravine run</c>.
/// </summary>
internal static class ForecastCells
{
    /// <summary>The columns, in the order of <see cref="Of"/>.</summary>
    public static readonly string[] Header = ["long steps", "shortened", "undone", "forecast rise / actual rise", "direction right", "median error (decades)"];

    /// <summary>The cells of <paramref name="record"/>; a run without forecasts has "—" in each.</summary>
    public static string[] Of(ForecastRecord? record) => record is null ? [.. Header.Select(_ => "—")] :
    [
        Numbers.Integer(record.LongSteps), Numbers.Integer(record.Shortened), Numbers.Integer(record.Undone),
        record.LongSteps == 0 ? "—" : $"{Numbers.Integer(record.PredictedRises)} / {Numbers.Integer(record.ActualRises)}",
        record.LongSteps == 0 ? "—" : DirectionRight(record),
        Decades(record.MedianError),
    ];

    /// <summary>One sentence for the console after a run.</summary>
    public static string Line(ForecastRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.LongSteps == 0) return "Long-step forecasts (docs/ADAPTIVE.md): no long step was taken.";
        string error = record.Measured == 0 ? "no error measured (f* unknown, or every gap at or below 0)"
            : $"median error {Decades(record.MedianError)} decades over {Numbers.Integer(record.Measured)} steps";
        return $"Long-step forecasts (docs/ADAPTIVE.md): {Numbers.Integer(record.LongSteps)} long steps, {Numbers.Integer(record.Shortened)} shortened, " +
            $"{Numbers.Integer(record.Undone)} undone; a rise forecast {Numbers.Integer(record.PredictedRises)} times, {Numbers.Integer(record.ActualRises)} happened; " +
            $"direction right on {DirectionRight(record)}; {error}.";
    }

    // "2,502 (97 %)": the steps whose direction the forecast called right, and their share.
    private static string DirectionRight(ForecastRecord record) =>
        $"{Numbers.Integer(record.DirectionRight)} ({record.DirectionRightShare.ToString("0 %", CultureInfo.InvariantCulture)})";

    private static string Decades(double value) => double.IsNaN(value) ? "—" : value.ToString("0.00", CultureInfo.InvariantCulture);
}
