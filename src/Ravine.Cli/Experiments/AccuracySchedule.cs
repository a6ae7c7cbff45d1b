namespace Ravine.Cli.Experiments;

/// <summary>
/// The iterations at which a run on a classification problem measures its accuracies: 0, 1, 2, 5, 10, 20, 50, … (three
/// per decade, where a run changes fastest), and every twentieth of the iteration budget (so the end of a long run is
/// sampled too). A pure function of the iteration, so a resumed run measures where an uninterrupted one does; a run of
/// any length measures some 20 + 3·log₁₀(budget) times, each costing a forward pass over the training and test data.
/// </summary>
internal static class AccuracySchedule
{
    /// <summary>True when iteration <paramref name="iteration"/> of a run with this budget is measured.</summary>
    public static bool Due(long iteration, long budget)
    {
        if (iteration <= 2) return iteration >= 0;
        long every = Math.Max(1, budget / 20);
        if (iteration % every == 0) return true;
        long scale = 1;
        while (iteration / scale >= 10 && iteration % (scale * 10) == 0) scale *= 10;
        return iteration / scale is 1 or 2 or 5 && iteration % scale == 0;
    }
}
