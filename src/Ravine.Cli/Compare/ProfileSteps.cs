namespace Ravine.Cli.Compare;

/// <summary>What performance and data profiles share: the empirical distribution of one method's column of values.</summary>
internal static class ProfileSteps
{
    /// <summary>The fraction of rows whose value in column <paramref name="method"/> is ≤ <paramref name="threshold"/>.</summary>
    public static double Fraction(double[,] values, int method, double threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0);
        if (rows == 0) return 0;
        int within = 0;
        for (int p = 0; p < rows; p++)
            if (values[p, method] <= threshold) within++;
        return (double)within / rows;
    }

    /// <summary>Each distinct finite value of the column, ascending, with the fraction of rows at or below it.</summary>
    public static IReadOnlyList<(double At, double Fraction)> Steps(double[,] values, int method)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0);
        var finite = Enumerable.Range(0, rows).Select(p => values[p, method]).Where(double.IsFinite).Order().ToArray();
        var steps = new List<(double, double)>();
        for (int i = 0; i < finite.Length; i++)
            if (i == finite.Length - 1 || finite[i + 1] != finite[i])
                steps.Add((finite[i], (double)(i + 1) / rows));
        return steps;
    }
}
