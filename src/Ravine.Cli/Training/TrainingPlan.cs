using System.Globalization;
using System.Text.Json.Serialization;
using Ravine.Training;

namespace Ravine.Cli.Training;

/// <summary>
/// What <c>ravine train</c> runs: one model, one or more methods (each with its options) and seeds, and the trainer's
/// options. Written to <c>train.json</c> so <c>--resume</c> runs the same plan.
/// </summary>
internal sealed record TrainingPlan
{
    public required string Model { get; init; }
    public required string[] Methods { get; init; }
    public required ulong[] Seeds { get; init; }
    public required int Epochs { get; init; }
    public required int BatchSize { get; init; }
    public required int ValidationExamples { get; init; }
    public required int Threads { get; init; }
    public double? TargetAccuracy { get; init; }
    public int LanczosEvery { get; init; }

    /// <summary>The runs: every method with every seed, methods outermost.</summary>
    [JsonIgnore]
    public IEnumerable<(string Method, ulong Seed)> Runs => Methods.SelectMany(m => Seeds.Select(s => (m, s)));

    /// <summary>The trainer's options for one seed.</summary>
    public TrainerOptions Options(ulong seed) => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        Seed = seed,
        TargetAccuracy = TargetAccuracy,
        ProbeEvery = LanczosEvery,
    };

    /// <summary>The folder of one run inside the output folder: the method as typed (spaces as underscores) and the seed.</summary>
    public static string RunFolder(string method, ulong seed) =>
        Path.Combine(string.Join('_', method.Split(' ', StringSplitOptions.RemoveEmptyEntries)), "seed-" + seed.ToString(CultureInfo.InvariantCulture));
}
