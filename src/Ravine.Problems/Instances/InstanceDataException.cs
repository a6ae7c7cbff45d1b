namespace Ravine.Instances;

/// <summary>
/// A problem instance folder cannot be loaded: a required file is missing, an array has the wrong number of
/// dimensions, its shape does not fit the other files, or it holds NaN or ±∞. The message is one line that names
/// the file and says what was found and what was expected, e.g.
/// <c>data/y.npy: shape (999,), expected (1000,): one measurement per row of A.npy, which has shape (1000, 100)</c>.
/// Malformed .npy content itself is reported by <see cref="IO.NpyFormatException"/>, which also names the file.
/// </summary>
public sealed class InstanceDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file at fault (or the folder, when the problem is not with one file).</param>
    /// <param name="problem">What is wrong, in a sentence without the file name.</param>
    public InstanceDataException(string file, string problem)
        : base($"{file}: {problem}")
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The file at fault, as given to the loader (folder joined with the file name).</summary>
    public string File { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }
}
