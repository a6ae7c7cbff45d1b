using System.Diagnostics;
using Ravine.Training;
using Spectre.Console;

namespace Ravine.Cli.Training;

/// <summary>
/// One run's observer: its row of the progress display (epoch, batch, loss, validation accuracy; the display adds the
/// ETA) and, after each epoch, its trace and checkpoint on disk, so no finished epoch is lost.
/// </summary>
internal sealed class TrainingProgress(ProgressTask? task, string label, string folder) : ITrainingObserver
{
    private readonly Stopwatch _sinceText = Stopwatch.StartNew();

    public void OnBatch(in BatchProgress progress)
    {
        if (task is null) return;
        task.Value = (progress.Epoch - 1) * (double)progress.BatchesPerEpoch + progress.Batch;
        // The text is redrawn a few times a second at most: formatting it for every batch would cost more than the display shows.
        if (_sinceText.ElapsedMilliseconds < 250) return;
        _sinceText.Restart();
        string accuracy = double.IsNaN(progress.ValidationAccuracy) ? "" : $"  val acc {progress.ValidationAccuracy:P1}";
        task.Description = Markup.Escape($"{label}  epoch {progress.Epoch}/{progress.Epochs}  batch {progress.Batch}/{progress.BatchesPerEpoch}  loss {progress.Loss:0.0000}{accuracy}");
    }

    public void OnEpoch(TrainingRow row, TrainingCheckpoint checkpoint) => TrainingFiles.WriteProgress(folder, checkpoint);

    /// <summary>Marks the run's row finished with how it ended.</summary>
    public void Finish(TrainingResult result)
    {
        if (task is null) return;
        var last = result.Rows[^1];
        string accuracy = double.IsNaN(last.Test.Accuracy) ? $"test loss {last.Test.Loss:0.0000}" : $"test acc {last.Test.Accuracy:P2}";
        task.Description = Markup.Escape($"{label}  {result.StopReason}  epoch {last.Epoch}  {accuracy}");
        if (result.StopReason != TrainingStopReason.Cancelled) task.Value = task.MaxValue;
        task.StopTask();
    }
}
