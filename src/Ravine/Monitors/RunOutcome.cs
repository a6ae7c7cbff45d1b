namespace Ravine.Optimization;

/// <summary>The parts of a <see cref="MinimizeResult"/> that monitors may change: the point of record and what validation measured.</summary>
internal sealed class RunOutcome(MinimizeResult.Point best, long bestIteration)
{
    /// <summary>The point of record: the best point seen, unless a monitor chooses another.</summary>
    public MinimizeResult.Point Best { get; set; } = best;

    /// <summary>The iteration of <see cref="Best"/>.</summary>
    public long BestIteration { get; set; } = bestIteration;

    /// <summary>See <see cref="MinimizeResult.ValidationValue"/>.</summary>
    public double ValidationValue { get; set; } = double.NaN;

    /// <summary>See <see cref="MinimizeResult.ValidationEvaluations"/>.</summary>
    public long ValidationEvaluations { get; set; }
}
