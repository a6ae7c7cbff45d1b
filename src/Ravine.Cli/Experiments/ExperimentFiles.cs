using Ravine.IO;

namespace Ravine.Cli.Experiments;

/// <summary>
/// Where an experiment's files go inside its output folder, and writing the data files: per run
/// <c>&lt;problem&gt;/&lt;method&gt;.csv</c> (the trace, see <see cref="TraceCsv"/>) and <c>&lt;problem&gt;/&lt;method&gt;.json</c>
/// (its <see cref="RunSummary"/>), and <c>summary.json</c> at the top. Every file is written atomically, so a killed
/// run leaves whole files or none, but for the trace CSV of a checkpointed <c>ravine run</c>, which grows as the run goes
/// (<see cref="RunTraceFile"/>); each run's files are written as soon as it ends.
/// </summary>
public sealed class ExperimentFiles : IExperimentObserver
{
    /// <summary>Files in <paramref name="folder"/>, which is created if missing.</summary>
    public ExperimentFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The output folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>The folder of one problem's files.</summary>
    public string ProblemFolder(string problem) => Path.Combine(Folder, problem);

    /// <summary>The trace CSV of a run.</summary>
    public string TracePath(ExperimentKey key) => Path.Combine(Folder, TraceFile(key));

    /// <summary>The trace CSV of a run, relative to the output folder.</summary>
    public static string TraceFile(ExperimentKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Path.Combine(key.Problem, $"{key.Method}.csv");
    }

    /// <summary>The summary JSON of a run.</summary>
    public string RunSummaryPath(ExperimentKey key) => Path.Combine(ProblemFolder(key.Problem), $"{key.Method}.json");

    /// <summary>The top-level summary.</summary>
    public string SummaryPath => Path.Combine(Folder, "summary.json");

    /// <summary>Writes a run's trace CSV and summary JSON.</summary>
    public void WriteRun(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(ProblemFolder(run.Key.Problem));
        // A checkpointed run has appended its trace here as it went; writing it again would double the cost of a long run.
        if (run.TraceFile != TracePath(run.Key))
            TraceCsv.Write(run.Result.Trace, TracePath(run.Key));
        AtomicFile.WriteAllText(RunSummaryPath(run.Key), ExperimentJson.Serialize(RunSummary.From(run)));
    }

    /// <summary>Writes <c>summary.json</c>.</summary>
    public void WriteSummary(ExperimentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        AtomicFile.WriteAllText(SummaryPath, ExperimentJson.Serialize(summary));
    }

    void IExperimentObserver.RunStarted(ExperimentKey key, int iterationBudget) { }

    void IExperimentObserver.Progress(ExperimentKey key, int iteration, double gap) { }

    /// <summary>Writes the run's files the moment it ends, so a later crash or kill keeps them.</summary>
    void IExperimentObserver.RunFinished(ExperimentRun run) => WriteRun(run);
}
