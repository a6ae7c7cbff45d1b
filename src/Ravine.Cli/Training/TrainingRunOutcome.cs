using Ravine.Training;

namespace Ravine.Cli.Training;

/// <summary>One run of <c>ravine train</c>: which method and seed, its result, and its folder.</summary>
internal sealed record TrainingRunOutcome(string Method, ulong Seed, TrainingResult Result, string Folder)
{
    /// <summary>The first epoch whose test accuracy reached <paramref name="target"/>, with the seconds it took; null when none did.</summary>
    public (int Epoch, double Seconds)? Reached(double target) =>
        Result.Rows.FirstOrDefault(r => r.Test.Accuracy >= target) is { } row ? (row.Epoch, row.Seconds) : null;

    /// <summary>The last row's test score.</summary>
    public HeldOutScore FinalTest => Result.Rows[^1].Test;

    /// <summary>Whether the run diverged.</summary>
    public bool Diverged => Result.StopReason == TrainingStopReason.Diverged;
}
