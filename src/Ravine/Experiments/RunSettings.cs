using System.Text.Json.Serialization;
using Ravine.Problems;

namespace Ravine.Experiments;

/// <summary>
/// The settings of one run of one method on one problem — what <c>ravine run</c> takes as options or as a JSON file
/// (<see cref="RunSettingsJson"/>; serialized, e.g. into a run's summary, it uses the same keys, so it reads back
/// as a config file). Unset sizes and stepsizes come from the problem's published settings.
/// Invalid values throw <see cref="ArgumentOutOfRangeException"/> at construction, naming the setting as the
/// command line and the JSON file spell it.
/// </summary>
public sealed record RunSettings
{
    /// <summary>The problem name, e.g. <c>quadratic-sensing</c> (see <see cref="ProblemSuite.Names"/>).</summary>
    [JsonPropertyName("problem")]
    public required string Problem { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("problem must name a problem.", nameof(Problem)) : value; }

    /// <summary>A folder of .npy files holding the instance (see <see cref="Instances.InstanceFormats"/>); null: generate it from <see cref="Seed"/>.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; init; }

    /// <summary>The method name (see <see cref="Methods.MethodCatalog.Names"/>). Default <c>gdpolyak</c>.</summary>
    [JsonPropertyName("method")]
    public string Method { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("method must name a method.", nameof(Method)) : value; } = "gdpolyak";

    /// <summary>η, the (short) stepsize; null: the published one.</summary>
    [JsonPropertyName("eta")]
    public double? Stepsize
    {
        get;
        init => field = value is double eta && !(eta > 0 && double.IsFinite(eta))
            ? throw new ArgumentOutOfRangeException("eta", eta, "eta must be positive and finite.") : value;
    }

    /// <summary>K, GDPolyak's short steps per epoch; null: the published one.</summary>
    [JsonPropertyName("K")]
    public int? ShortSteps { get; init => field = value is < 1 ? throw new ArgumentOutOfRangeException("K", value, "K must be ≥ 1.") : value; }

    /// <summary>GDPolyak's epochs; null: the published number.</summary>
    [JsonPropertyName("epochs")]
    public int? Epochs { get; init => field = value is < 0 ? throw new ArgumentOutOfRangeException("epochs", value, "epochs must be ≥ 0.") : value; }

    /// <summary>The iteration limit; null: the paper's budget for the method (epochs·(K + 1) for GDPolyak, K·epochs for the others).</summary>
    [JsonPropertyName("max-iters")]
    public int? MaxIterations { get; init => field = value is < 0 ? throw new ArgumentOutOfRangeException("max-iters", value, "max-iters must be ≥ 0.") : value; }

    /// <summary>f*, the optimal value the Polyak steps use; null: the problem's own (0 for every published problem).</summary>
    [JsonPropertyName("fstar")]
    public double? OptimalValue
    {
        get;
        init => field = value is double f && !double.IsFinite(f) ? throw new ArgumentOutOfRangeException("fstar", f, "fstar must be finite.") : value;
    }

    /// <summary>The seed that generates the instance (or, with <see cref="Data"/>, the parts the folder leaves out). Default: the published seed 3407.</summary>
    [JsonPropertyName("seed")]
    public ulong Seed { get; init; } = ProblemSuite.PublishedSeed;

    /// <summary>The output folder for the trace, the summary and the figures; null: the command's default.</summary>
    [JsonPropertyName("out")]
    public string? Output { get; init; }
}
