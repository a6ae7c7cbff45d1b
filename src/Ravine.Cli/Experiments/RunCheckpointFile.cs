using System.Text.Json;
using Ravine.IO;
using Ravine.Optimization;

namespace Ravine.Cli.Experiments;

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
    /// <param name="path">The file.</param>
    /// <param name="settings">The resolved settings.</param>
    /// <param name="checkpoint">The state.</param>
    /// <param name="dataFingerprint">With a data folder: its <see cref="DataFingerprint"/>, checked on resume.</param>
    public static void Write(string path, RunSettings settings, RunCheckpoint checkpoint, IReadOnlyDictionary<string, string?>? dataFingerprint = null)
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
            if (dataFingerprint is not null)
            {
                writer.WriteStartObject("dataFingerprint");
                foreach (var (file, hash) in dataFingerprint)
                    if (hash is null) writer.WriteNull(file); else writer.WriteString(file, hash);
                writer.WriteEndObject();
            }
            writer.WritePropertyName("checkpoint");
            writer.WriteRawValue(state.GetBuffer().AsSpan(0, (int)state.Length), skipInputValidation: true);
            writer.WriteEndObject();
        });
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">The file is not a valid checkpoint; the message names the file and says what is wrong.</exception>
    public static SavedRun Read(string path)
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
            Dictionary<string, string?>? fingerprint = null;
            if (root.TryGetProperty("dataFingerprint", out var hashes))
            {
                if (hashes.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"{path}: 'dataFingerprint' must be an object of file names and SHA-256 hashes");
                fingerprint = [];
                foreach (var entry in hashes.EnumerateObject())
                    fingerprint[entry.Name] = entry.Value.ValueKind switch
                    {
                        JsonValueKind.String => entry.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => throw new FormatException($"{path}: 'dataFingerprint.{entry.Name}' must be a hash or null"),
                    };
            }
            try
            {
                return new SavedRun(runSettings, RunCheckpointJson.Read(checkpoint)) { DataFingerprint = fingerprint };
            }
            catch (FormatException e)
            {
                throw new FormatException($"{path}: {e.Message}", e);
            }
        }
    }
}

/// <summary>What a <see cref="RunCheckpointFile"/> holds.</summary>
/// <param name="Settings">The run's resolved settings.</param>
/// <param name="Checkpoint">Its state.</param>
public sealed record SavedRun(RunSettings Settings, RunCheckpoint Checkpoint)
{
    /// <summary>The data folder's <see cref="DataFingerprint"/>, or null when the instance was generated from the seed.</summary>
    public IReadOnlyDictionary<string, string?>? DataFingerprint { get; init; }
}
