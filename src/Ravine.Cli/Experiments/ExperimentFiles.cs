using Ravine.IO;

namespace Ravine.Cli.Experiments;

/// <summary>
/// Where an experiment's files go inside its output folder, and writing the data files: per run
/// <c>&lt;problem&gt;/&lt;method&gt;.csv</c> (the trace, see <see cref="TraceCsv"/>) and <c>&lt;problem&gt;/&lt;method&gt;.json</c>
/// (its <see cref="RunSummary"/>), and <c>summary.json</c> at the top. Every file is written atomically, so a killed
/// run leaves whole files or none, but for the trace CSV of a checkpointed <c>ravine run</c>, which grows as the run goes
/// (<see cref="RunTraceFile"/>); each run's files are written as soon as it ends.
/// </summary>
/// <remarks>
/// A folder is used for one experiment at a time. <see cref="Start"/> takes a new or empty folder, or one holding an
/// earlier Ravine experiment's results, whose files (listed in <see cref="ManifestName"/>) it deletes first, so that
/// no trace, summary or figure of another run lies next to the new ones looking current; files Ravine did not write
/// stay. It refuses any other non-empty folder, and one holding an interrupted run (continue that with
/// <see cref="Continue"/>, i.e. <c>ravine run --resume</c>).
/// </remarks>
public sealed class ExperimentFiles : IExperimentObserver
{
    /// <summary>The list of the files an experiment writes into its folder, written before them.</summary>
    public const string ManifestName = ".ravine-files";

    /// <summary>
    /// Marks a default folder of a command other than <c>run</c> and <c>reproduce</c>, and names it (e.g. <c>ravine compare</c>):
    /// <see cref="Start"/> refuses the folder, whose files are not listed in <see cref="ManifestName"/>.
    /// </summary>
    public const string OwnerName = ".ravine-owner";

    /// <summary>The comment lines that open <see cref="ManifestName"/>; alone, they list no files (a default results folder just made).</summary>
    internal const string ManifestHeader =
        "# Written by ravine into this folder. A later ravine run or reproduce into the folder deletes these files first,\n"
        + "# so that none of them looks like part of the later results; other files stay.\n";

    private ExperimentFiles(string folder) => Folder = folder;

    /// <summary>
    /// The files of a new experiment in <paramref name="folder"/>: made if missing and checked writable, an earlier
    /// experiment's files there deleted, and the list of this one's written, all before any work.
    /// </summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="keys">The runs, whose trace CSV and summary JSON go into the folder.</param>
    /// <param name="otherFiles">The other files the command writes, relative to the folder (figures, reports); <c>summary.json</c> and <c>checkpoint.json</c> are listed already.</param>
    /// <exception cref="OutputFolderException">The folder cannot be made or written, is not empty and holds no Ravine results,
    /// holds another command's results (<see cref="OwnerName"/>), or holds an interrupted run.</exception>
    public static ExperimentFiles Start(string folder, IEnumerable<ExperimentKey> keys, IEnumerable<string> otherFiles)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(otherFiles);
        string full = OutputFolder.Prepare(folder);
        if (File.Exists(Path.Combine(full, RunCheckpointFile.FileName)))
            throw new OutputFolderException(full, $"holds an interrupted run ({RunCheckpointFile.FileName}); continue it with ravine run --resume {full}, or give another folder (or delete {Path.Combine(full, RunCheckpointFile.FileName)} to start over in this one)");
        string owner = Path.Combine(full, OwnerName);
        if (File.Exists(owner))
            throw new OutputFolderException(full, $"holds the results of {File.ReadAllText(owner).Trim()} ({OwnerName}); give a new or empty folder, so that the results are not mixed");
        var files = new ExperimentFiles(full);
        files.DeletePreviousResults();
        string[] planned =
        [
            "summary.json", RunCheckpointFile.FileName,
            .. keys.SelectMany(key => new[] { TraceFile(key), Path.GetRelativePath(full, files.RunSummaryPath(key)) }),
            .. otherFiles,
        ];
        AtomicFile.WriteAllText(Path.Combine(full, ManifestName), ManifestHeader
            + string.Join("", planned.Distinct(StringComparer.Ordinal).Select(f => f.Replace('\\', '/') + "\n")));
        return files;
    }

    /// <summary>The files of the interrupted run in <paramref name="folder"/>, continued: checked writable, nothing deleted.</summary>
    /// <exception cref="OutputFolderException">The folder cannot be written.</exception>
    public static ExperimentFiles Continue(string folder) => new(OutputFolder.Prepare(folder));

    /// <summary>Deletes the files the manifest of an earlier experiment lists; refuses a non-empty folder without one.</summary>
    private void DeletePreviousResults()
    {
        string manifest = Path.Combine(Folder, ManifestName);
        if (!File.Exists(manifest))
        {
            if (Directory.EnumerateFileSystemEntries(Folder).Any())
                throw new OutputFolderException(Folder, $"not empty, and not a folder of Ravine results (it has no {ManifestName} list of the files Ravine wrote); give a new or empty folder, so that the results are not mixed with other files");
            return;
        }
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(manifest))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string file = Path.GetFullPath(Path.Combine(Folder, line));
            // Only files inside this folder: a damaged or hand-edited list must not delete anything elsewhere.
            if (Path.IsPathRooted(line) || !file.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            string parent = Path.GetDirectoryName(file)!;
            if (!Directory.Exists(parent)) continue;
            File.Delete(file);
            // With the temporary files a killed write of it left behind (see AtomicFile).
            foreach (string stray in Directory.EnumerateFiles(parent, $".{Path.GetFileName(file)}.*.tmp"))
                File.Delete(stray);
            if (parent != Folder) folders.Add(parent);
        }
        foreach (string folder in folders)
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        // The manifest stays until Start replaces it (atomically): a default folder is claimed by creating it, and
        // deleting it in between would let a command started at the same moment claim the folder too.
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
    public void WriteRun(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(ProblemFolder(run.Key.Problem));
        // A checkpointed run has appended its trace here as it went; writing it again would double the cost of a long run.
        if (run.TraceFile != TracePath(run.Key))
            TraceCsv.Write(run.Result.Trace, TracePath(run.Key), run.Observations?.Annotations(run.Result.Trace));
        AtomicFile.WriteAllText(RunSummaryPath(run.Key), ExperimentJson.Serialize(run.Summary));
    }

    /// <summary>Writes <c>summary.json</c>.</summary>
    public void WriteSummary(ExperimentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        AtomicFile.WriteAllText(SummaryPath, ExperimentJson.Serialize(summary));
    }

    void IExperimentObserver.RunStarted(ExperimentKey key, long iterationBudget) { }

    void IExperimentObserver.Progress(ExperimentKey key, long iteration, double gap) { }

    /// <summary>Writes the run's files the moment it ends, so a later crash or kill keeps them.</summary>
    void IExperimentObserver.RunFinished(RunRecord run) => WriteRun(run);
}
