using System.Text.Json.Serialization;
using Ravine.Methods;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The settings of one run of one method on one problem — what <c>ravine run</c> takes as options or as a JSON file
/// (<see cref="RunSettingsJson"/>; serialized, e.g. into a run's summary, it uses the same keys, so it reads back
/// as a config file). Unset method options come from the published experiment on that problem, if any, else the
/// method's defaults.
/// Invalid values throw <see cref="ArgumentOutOfRangeException"/> at construction, naming the setting as the
/// command line and the JSON file spell it.
/// </summary>
[JsonConverter(typeof(RunSettingsJson.Converter))]
public sealed record RunSettings
{
    /// <summary>The problem name, e.g. <c>quadratic-sensing</c> (see <see cref="ProblemRegistry.Names"/>).</summary>
    public required string Problem { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("problem must name a problem.", nameof(Problem)) : value; }

    /// <summary>
    /// The generated instance's sizes as <c>key=N,key=N</c> (see <see cref="ProblemDescriptor.Sizes"/>; e.g.
    /// <c>d=20,students=6,teachers=3</c> for <c>teacher-student</c>); null: the problem's defaults. Not with <see cref="Data"/>.
    /// </summary>
    public string? Size { get; init; }

    /// <summary>A folder of .npy files holding the instance (see <see cref="InstanceFormats"/>); null: generate it from <see cref="Seed"/>.</summary>
    public string? Data { get; init; }

    /// <summary>A .npy file holding the start point (<c>--x0</c>; see <see cref="StartFile"/>); null: the instance's own start.</summary>
    public string? X0 { get; init; }

    /// <summary>
    /// Start at the instance's start moved by <see cref="Compare.SeededStart.Perturb"/> from this seed: the start that
    /// <c>ravine compare</c> and <c>ravine versus</c> give this seed of a problem with a standard start (every seed but the
    /// first they list), so that one of their rows can be run again with its trace. Null: the start unmoved. Not with <see cref="X0"/>.
    /// </summary>
    public ulong? StartPerturbation { get; init; }

    /// <summary>
    /// The method of a run that names none: <c>gdpolyak</c> on a problem the paper ran (it has published η, K and
    /// epochs) or when K is given (only gdpolyak takes it), else the tuning-free <c>gdpolyak-adaptive</c>, which runs on
    /// every problem without settings.
    /// </summary>
    public static string DefaultMethod(string problem, IEnumerable<string> methodOptionKeys)
    {
        ArgumentNullException.ThrowIfNull(methodOptionKeys);
        return Paper.PublishedExperiments.For(problem) is not null || methodOptionKeys.Contains("K", StringComparer.Ordinal) ? "gdpolyak" : "gdpolyak-adaptive";
    }

    /// <summary>The method name (see <see cref="MethodRegistry.Names"/>). Default <c>gdpolyak</c> here; a run that names none gets <see cref="DefaultMethod"/>.</summary>
    public string Method { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("method must name a method.", nameof(Method)) : value; } = "gdpolyak";

    /// <summary>
    /// The method's own settings by option key, as text (e.g. <c>eta</c>, <c>K</c>, <c>epochs</c> for GDPolyak, <c>lr</c>
    /// and <c>beta1</c> for Adam; see <see cref="MethodDescriptor.Options"/>). Unset ones take the published
    /// experiment's value on a problem the paper ran, else the method's default. Two settings with the same options in
    /// another order are equal.
    /// </summary>
    public IReadOnlyDictionary<string, string> MethodOptions { get; init => field = new MethodOptionTexts(value ?? throw new ArgumentNullException(nameof(MethodOptions))); } = MethodOptionTexts.Empty;

    /// <summary>
    /// The iteration limit; null: the method's own budget when it has one (GDPolyak's epochs·(K + 1)), else the published
    /// experiment's K·epochs on a problem the paper ran, else <see cref="RunPlan.ExternalDataIterations"/> on real data, else
    /// <see cref="Optimization.MinimizeOptions.DefaultMaxIterations"/>.
    /// </summary>
    public long? MaxIterations { get; init => field = value is < 0 ? throw new ArgumentOutOfRangeException("max-iters", value, "max-iters must be ≥ 0.") : value; }

    /// <summary>Stop when f − f* ≤ this (0: off); null: <see cref="RunPlan.DefaultRelativeGapTolerance"/>·(f(x₀) − f*) when f* is known and the method has no budget of its own, else off.</summary>
    public double? GapTolerance { get; init => field = value is double t && !(t >= 0 && double.IsFinite(t)) ? throw new ArgumentOutOfRangeException("gap-tolerance", t, "gap-tolerance must be ≥ 0 and finite.") : value; }

    /// <summary>Stop when ‖∇f‖ ≤ this (0: off); null: off.</summary>
    public double? GradientTolerance { get; init => field = value is double t && !(t >= 0 && double.IsFinite(t)) ? throw new ArgumentOutOfRangeException("gradient-tolerance", t, "gradient-tolerance must be ≥ 0 and finite.") : value; }

    /// <summary>Stop after this many seconds of wall-clock time (a resumed run counts the time before it); null: no limit.</summary>
    public double? TimeLimit { get; init => field = value is double t && !Duration.IsValid(t) ? throw new ArgumentOutOfRangeException("time-limit", t, $"time-limit must be {Duration.Takes}.") : value; }

    /// <summary>f*, the optimal value the Polyak steps use; null: the problem's own (0 for every published problem).</summary>
    public double? OptimalValue
    {
        get;
        init => field = value is double f && !double.IsFinite(f) ? throw new ArgumentOutOfRangeException("fstar", f, "fstar must be finite.") : value;
    }

    /// <summary>
    /// True when f* is to be treated as unknown (<c>--fstar unknown</c>, <c>"fstar": "unknown"</c>): a method whose long
    /// step needs f* estimates it (see its <c>fstar-rule</c>). Excludes <see cref="OptimalValue"/>.
    /// </summary>
    public bool OptimalValueUnknown { get; init; }

    /// <summary>With held-out data (a quadratic-sensing folder with <c>*_heldout.npy</c>): also validate every this many iterations (long steps always); null: only at long steps.</summary>
    public int? ValidationInterval { get; init => field = value is < 0 ? throw new ArgumentOutOfRangeException("validation-every", value, "validation-every must be ≥ 0.") : value; }

    /// <summary>With held-out data: stop after this many validations in a row without a new best, returning the best; null: no early stopping.</summary>
    public int? Patience { get; init => field = value is < 0 ? throw new ArgumentOutOfRangeException("patience", value, "patience must be ≥ 0.") : value; }

    /// <summary>
    /// Threads of one quadratic-sensing oracle call (<see cref="QuadraticSensing.MaxDegreeOfParallelism"/>); the results
    /// are bit-identical for every count. Null: 1.
    /// </summary>
    public int? Threads { get; init => field = value is < 1 ? throw new ArgumentOutOfRangeException("threads", value, "threads must be ≥ 1.") : value; }

    /// <summary>The seed that generates the instance (or, with <see cref="Data"/>, the parts the folder leaves out). Default: the published seed 3407.</summary>
    public ulong Seed { get; init; } = ProblemRegistry.DefaultSeed;

    /// <summary>
    /// The gateways of an Orleans cluster of <c>ravine worker</c> silos that serves the shards (<c>HOST:PORT</c>, several
    /// separated by commas); null: the shards, if any, are evaluated in this process.
    /// </summary>
    public string? Cluster { get; init => field = value is not null && string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("cluster must name a gateway HOST:PORT.", "cluster") : value; }

    /// <summary>
    /// The Redis (<c>redis://HOST:PORT</c>) that keeps the membership of the cluster serving the shards, whose gateways
    /// are read from there; null: <see cref="Cluster"/>'s gateways, if any.
    /// </summary>
    public string? Membership { get; init => field = value is not null && string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("membership must name redis://HOST:PORT.", "membership") : value; }

    /// <summary>
    /// Cut the measurements into this many shards, each evaluated on its own (on <see cref="Cluster"/>, or in this
    /// process), their block sums added in the local block order; null: no shards (quadratic sensing only).
    /// </summary>
    public int? Shards { get; init => field = value is < 1 ? throw new ArgumentOutOfRangeException("shards", value, "shards must be ≥ 1.") : value; }

    /// <summary>The output folder for the trace, the summary and the figures; null: the command's default.</summary>
    public string? Output { get; init; }
}
