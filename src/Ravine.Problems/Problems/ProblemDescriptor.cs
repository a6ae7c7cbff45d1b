namespace Ravine.Problems;

/// <summary>
/// A problem as the registry knows it: its command-line name, a one-line summary, a seeded generator and, where the
/// problem has one, the format of its instance folders (.npy files a user can bring). Nothing about any paper's
/// settings: those live with the experiments that used them.
/// </summary>
/// <param name="Name">The command-line name, e.g. <c>quadratic-sensing</c>.</param>
/// <param name="Summary">One line for help texts.</param>
/// <param name="Generate">Builds the instance of a seed (the same instance for the same seed on every machine).</param>
/// <param name="Format">How an instance is stored as a folder of .npy files; null when the problem has no data to bring.</param>
public sealed record ProblemDescriptor(string Name, string Summary, Func<ulong, ITestProblem> Generate, IInstanceFormat? Format = null)
{
    /// <summary>Where the problem is defined (a paper, a test collection), for reports and help.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// True when the minimizers are degenerate (a singular Hessian, or a manifold of minimizers): the problems Ravine's
    /// methods are for. False for the controls with a nonsingular Hessian, where GD and L-BFGS should win.
    /// </summary>
    public bool Degenerate { get; init; } = true;

    /// <summary>
    /// True when the problem reads data that must be installed (a real data set) and a run costs minutes, not seconds:
    /// such problems run when named, and are left out of the default sets of commands that run every problem.
    /// </summary>
    public bool NeedsExternalData { get; init; }

    /// <summary>
    /// The sizes the problem can be generated at, each a key and its default, in the order help lists them (e.g. d = 50,
    /// students = 4, teachers = 2); empty when the problem's sizes are fixed.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, int>> Sizes { get; init; } = [];

    /// <summary>Builds the instance of a seed at the given sizes (a value for every key of <see cref="Sizes"/>); null when the sizes are fixed.</summary>
    public Func<ulong, IReadOnlyDictionary<string, int>, ITestProblem>? GenerateSized { get; init; }

    /// <summary>
    /// The instance of a seed at the sizes written as <c>key=N,key=N</c> (keys of <see cref="Sizes"/>, each N ≥ 1; keys
    /// left out keep their defaults); null or blank: <see cref="Generate"/>(<paramref name="seed"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The problem has fixed sizes, or a key or value is not valid (<see cref="ArgumentException.ParamName"/> is <c>size</c>), or the generator rejects the sizes.</exception>
    public ITestProblem GenerateAt(ulong seed, string? sizes)
    {
        if (string.IsNullOrWhiteSpace(sizes)) return Generate(seed);
        var values = ParseSizes(sizes); // refuses a problem without GenerateSized
        return GenerateSized!(seed, values);
    }

    /// <summary>
    /// The sizes <paramref name="sizes"/> (<c>KEY=N,KEY=N</c>) gives, over the defaults in <see cref="Sizes"/>: every
    /// key of <see cref="Sizes"/> with its value.
    /// </summary>
    /// <exception cref="ArgumentException">The problem has fixed sizes, or a key is unknown, repeated or not a whole number ≥ 1 (<see cref="ArgumentException.ParamName"/> is <c>size</c>).</exception>
    public IReadOnlyDictionary<string, int> ParseSizes(string sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (GenerateSized is null || Sizes.Count == 0)
            throw new ArgumentException($"{Name} has fixed sizes; only the problems with sizes can be generated at other sizes ({string.Join(", ", ProblemRegistry.All.Where(p => p.Sizes.Count > 0).Select(p => p.Name))}).", "size");
        var values = Sizes.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in sizes.Split(',', StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', StringSplitOptions.TrimEntries);
            string known = string.Join(", ", Sizes.Select(s => $"{s.Key} (default {s.Value})"));
            if (pair.Length != 2 || !values.ContainsKey(pair[0]))
                throw new ArgumentException($"'{part}' is not a size of {Name}: write KEY=N,KEY=N with keys {known}.", "size");
            if (!int.TryParse(pair[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) || value < 1)
                throw new ArgumentException($"{pair[0]} must be a whole number ≥ 1, not '{pair[1]}'.", "size");
            if (!given.Add(pair[0]))
                throw new ArgumentException($"{pair[0]} is given twice.", "size");
            values[pair[0]] = value;
        }
        return values;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
