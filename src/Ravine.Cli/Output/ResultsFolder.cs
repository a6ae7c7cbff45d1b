using System.Globalization;

namespace Ravine.Cli.Output;

/// <summary>The results folder a command writes into when no <c>--out</c> is given, and the command line recorded in its summary.</summary>
internal static class ResultsFolder
{
    /// <summary>
    /// Makes <c>ravine-results/&lt;prefix&gt;&lt;UTC timestamp&gt;</c>, with <c>-2</c>, <c>-3</c>, … appended when that
    /// name is taken, and returns it: a new folder that no other command (in this process or another, started in the
    /// same second) gets too.
    /// </summary>
    /// <exception cref="Experiments.OutputFolderException"><c>ravine-results</c> cannot be made or written.</exception>
    public static string Default(string prefix = "") => Default("ravine-results", prefix);

    /// <summary>
    /// As <see cref="Default(string)"/>, named <c>&lt;command&gt;-&lt;UTC timestamp&gt;</c>, for a command other than
    /// <c>run</c> and <c>reproduce</c> (e.g. <c>compare</c>): the folder is claimed with an
    /// <see cref="Experiments.ExperimentFiles.OwnerName"/> file naming the command, not with an empty file list, so that a
    /// later <c>run --out</c> or <c>reproduce --out</c> refuses the folder rather than mixing its files with the command's.
    /// </summary>
    /// <exception cref="Experiments.OutputFolderException"><c>ravine-results</c> cannot be made or written.</exception>
    public static string DefaultFor(string command) => Default("ravine-results", command + "-", command);

    /// <summary>
    /// The folder <paramref name="command"/> (e.g. <c>compare</c>) writes into: <paramref name="given"/> (its
    /// <c>--out</c>), else <see cref="DefaultFor"/>; made and checked now, as <c>run</c> and <c>reproduce</c> check
    /// theirs, so that an unwritable folder fails naming it before the runs, not after.
    /// </summary>
    /// <exception cref="Experiments.OutputFolderException">The folder cannot be made or written.</exception>
    public static string PrepareFor(string command, string? given) => Experiments.OutputFolder.Prepare(given ?? DefaultFor(command));

    /// <summary>As <see cref="Default(string)"/>, in <paramref name="parent"/>.</summary>
    internal static string Default(string parent, string prefix) => Default(parent, prefix, null);

    /// <summary>As <see cref="Default(string)"/> (<paramref name="owner"/> null) or <see cref="DefaultFor"/>, in <paramref name="parent"/>.</summary>
    internal static string Default(string parent, string prefix, string? owner)
    {
        string stem = Stem(parent, prefix);
        for (int n = 1; ; n++)
        {
            string folder = n == 1 ? stem : $"{stem}-{n}";
            // A folder that exists is someone's: an earlier run's, or one that a command started at the same moment made.
            if (Directory.Exists(folder) || File.Exists(folder)) continue;
            // Making a folder also succeeds when another process has just made it, so the folder goes to whoever
            // creates the file list in it first (an exclusive create); the others move on to the next name.
            Directory.CreateDirectory(folder);
            try
            {
                using var claim = new FileStream(Path.Combine(folder, Experiments.ExperimentFiles.ManifestName), FileMode.CreateNew, FileAccess.Write);
                claim.Write(System.Text.Encoding.UTF8.GetBytes(Experiments.ExperimentFiles.ManifestHeader));
                // Claimed by the file list like every default folder (claims by different files would not exclude
                // each other), and then marked as another command's, which run and reproduce refuse.
                if (owner is not null)
                    File.WriteAllText(Path.Combine(folder, Experiments.ExperimentFiles.OwnerName), $"ravine {owner}\n");
                return folder;
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, Experiments.ExperimentFiles.ManifestName)))
            {
            }
        }
    }

    /// <summary>
    /// Makes the empty file <c>ravine-results/&lt;prefix&gt;&lt;UTC timestamp&gt;&lt;extension&gt;</c>, with <c>-2</c>,
    /// <c>-3</c>, … before the extension when that name is taken, and returns it: a file that no other command (started
    /// in the same second) gets too; the command writes it when done.
    /// </summary>
    /// <exception cref="Experiments.OutputFolderException"><c>ravine-results</c> cannot be made or written.</exception>
    public static string DefaultFile(string prefix, string extension) => DefaultFile("ravine-results", prefix, extension);

    /// <summary>As <see cref="DefaultFile(string, string)"/>, in <paramref name="parent"/>.</summary>
    internal static string DefaultFile(string parent, string prefix, string extension)
    {
        string stem = Stem(parent, prefix);
        for (int n = 1; ; n++)
        {
            string file = n == 1 ? stem + extension : $"{stem}-{n}{extension}";
            if (Directory.Exists(file)) continue;
            try
            {
                // An exclusive create: of commands started at the same moment, one gets the name, the others the next.
                new FileStream(file, FileMode.CreateNew, FileAccess.Write).Dispose();
                return file;
            }
            catch (IOException) when (File.Exists(file))
            {
            }
        }
    }

    // The parent made (or refused, saying why) and the name every default starts from: the prefix and the UTC second.
    private static string Stem(string parent, string prefix)
    {
        Experiments.OutputFolder.Prepare(parent);
        return Path.Combine(parent, prefix + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
    }

    /// <summary>The command line as a shell would take it: <c>ravine &lt;command&gt;</c> and the arguments, quoted where needed.</summary>
    public static string CommandLine(string command, IEnumerable<string> arguments) =>
        string.Join(' ', ["ravine", command, .. arguments.SkipWhile(a => a == command).Select(Quote)]);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
