using System.Text.Json;
using Ravine.IO;
using Ravine.Optimization;

namespace Ravine.Training;

/// <summary>
/// Writes a <see cref="TrainingCheckpoint"/> as JSON and reads it back exactly: doubles round-trip (NaN and ±∞ as
/// strings), the method's memory as its named arrays (one format for every method, as for run checkpoints).
/// </summary>
public static class TrainingCheckpointJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new RoundTripDouble.JsonConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    private sealed record Dto(string Method, ulong Seed, int BatchSize, int Epoch, int Batch, long Steps, double Seconds, double[] X, double[] BestX, int BestEpoch,
        Dictionary<string, double[]> Memory, double EpochLossSum, double LastStepsize, TrainingRow[] Rows, LongStepRecord[] LongSteps, RavineProbeResult[] Probes);

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="stream"/>.</summary>
    public static void Write(TrainingCheckpoint checkpoint, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var c = checkpoint;
        JsonSerializer.Serialize(stream, new Dto(c.Method, c.Seed, c.BatchSize, c.Epoch, c.Batch, c.Steps, c.Seconds, c.X, c.BestX, c.BestEpoch,
            MethodMemoryCodec.Encode(c.Memory), c.EpochLossSum, c.LastStepsize, [.. c.Rows], [.. c.LongSteps], [.. c.Probes]), Options);
    }

    /// <summary>Reads a checkpoint written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The stream is not such a checkpoint.</exception>
    public static TrainingCheckpoint Read(Stream stream)
    {
        Dto? d;
        try
        {
            d = JsonSerializer.Deserialize<Dto>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a training checkpoint: {e.Message}", e);
        }
        if (d is null || d.Method is null || d.X is null || d.BestX is null || d.Memory is null || d.Rows is null || d.LongSteps is null || d.Probes is null)
            throw new FormatException("Not a training checkpoint: a member is missing.");
        return new TrainingCheckpoint
        {
            Method = d.Method, Seed = d.Seed, BatchSize = d.BatchSize, Epoch = d.Epoch, Batch = d.Batch, Steps = d.Steps, Seconds = d.Seconds,
            X = d.X, BestX = d.BestX, BestEpoch = d.BestEpoch, Memory = new SerializedMethodMemory(d.Memory), EpochLossSum = d.EpochLossSum,
            LastStepsize = d.LastStepsize, Rows = d.Rows, LongSteps = d.LongSteps, Probes = d.Probes,
        };
    }
}
