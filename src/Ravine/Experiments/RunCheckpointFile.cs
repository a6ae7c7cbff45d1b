using System.Text.Json;
using Ravine.IO;
using Ravine.Optimization;

namespace Ravine.Experiments;

/// <summary>
/// <c>checkpoint.json</c> of a <c>ravine run</c>: the run's resolved <see cref="RunSettings"/> (problem, data folder,
/// seed, method, η, K, epochs, f*, iteration limit) and a <see cref="RunCheckpoint"/> (iterate, gradient, counters,
/// best point, method state, trace so far) in one file, written atomically, so that the file alone continues the run.
/// </summary>
/// <remarks>
/// No random-number state is stored: every random number of a run comes from generating the instance and its start,
/// which is seeded and deterministic, so the seed in the settings rebuilds them bit for bit; the methods themselves
/// draw none.
/// </remarks>
public static class RunCheckpointFile
{
    /// <summary>The file's name inside a run's output folder.</summary>
    public const string FileName = "checkpoint.json";

    private const int FormatVersion = 1;

    /// <summary>Writes <paramref name="path"/> all or nothing.</summary>
    public static void Write(string path, RunSettings settings, RunCheckpoint checkpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var state = new MemoryStream();
        RunCheckpointJson.Write(checkpoint, state);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream);
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WritePropertyName("settings");
            RunSettingsJson.Write(writer, settings);
            writer.WritePropertyName("checkpoint");
            writer.WriteRawValue(state.GetBuffer().AsSpan(0, (int)state.Length), skipInputValidation: true);
            writer.WriteEndObject();
        });
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">The file is not a valid checkpoint; the message names the file and says what is wrong.</exception>
    public static (RunSettings Settings, RunCheckpoint Checkpoint) Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON ({e.Message}); the file is damaged", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out int v)
                || !root.TryGetProperty("settings", out var settings) || !root.TryGetProperty("checkpoint", out var checkpoint))
                throw new FormatException($"{path}: not a Ravine checkpoint (expected formatVersion, settings and checkpoint)");
            if (v != FormatVersion)
                throw new FormatException($"{path}: checkpoint format version {v}; this Ravine reads version {FormatVersion}");
            var runSettings = RunSettingsJson.Parse(settings.GetRawText(), path, Path.GetDirectoryName(Path.GetFullPath(path)));
            try
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(checkpoint.GetRawText()));
                return (runSettings, RunCheckpointJson.Read(stream));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{path}: {e.Message}", e);
            }
        }
    }
}
