using System.Text.Json;
using Ravine.Cli.Commands;

namespace Ravine.Cli.Experiments;

/// <summary>
/// One option of <c>ravine run</c>, declared once in <see cref="RunOptions.All"/>: its flag, its documentation, its
/// value on the command line and, for a run setting, the <see cref="RunSettings"/> value it stands for and its
/// config-file key. The merge of the command line over a config file, the check beside <c>--resume</c>, the config
/// file's reader and writer and the option tables of docs/USAGE.md are all made from these entries.
/// </summary>
internal sealed class RunOption
{
    /// <summary>The long option without its dashes, e.g. <c>max-iters</c>; for a run setting also its config-file key.</summary>
    public required string Name { get; init; }

    /// <summary>The option as typed: <c>--max-iters</c>.</summary>
    public string Flag => "--" + Name;

    /// <summary>What follows the flag in the documentation, e.g. <c>N</c> or <c>KEY=N,…</c>.</summary>
    public required string ValueName { get; init; }

    /// <summary>The default, as the documentation's table states it (Markdown).</summary>
    public required string Default { get; init; }

    /// <summary>What the option does, as the documentation's table states it (Markdown).</summary>
    public required string Meaning { get; init; }

    /// <summary>
    /// For an option that takes a name, a file or a folder: what it takes, for the message when it is given blank
    /// (blank is an error, not "use the default"). Null for options whose value a converter parses.
    /// </summary>
    public string? Takes { get; init; }

    /// <summary>The value given on the command line, as the run setting holds it; null when not given.</summary>
    public required Func<RunCommand.Settings, object?> Given { get; init; }

    /// <summary>
    /// True for an option that may stand beside <c>--resume</c> (how to run, not what: the checkpoint stores every
    /// setting that shapes the trace, and another value would contradict it).
    /// </summary>
    public bool AllowedWithResume { get; init; }

    /// <summary>The run setting this option gives, with its config-file key; null for an option of the command line alone.</summary>
    public RunSettingField? Setting { get; init; }
}

/// <summary>
/// A <see cref="RunSettings"/> value as an option and a config-file key see it. Values are boxed (a string, an int, a
/// long, a ulong, a double, or for f* also <see cref="RunSettingsJson.UnknownOptimalValue"/>): this is read once per
/// run, never in the loop.
/// </summary>
internal sealed class RunSettingField
{
    /// <summary>What the config file takes under this key, for the documentation (Markdown).</summary>
    public required string JsonType { get; init; }

    /// <summary>The value in the settings; null when unset (then the file leaves the key out).</summary>
    public required Func<RunSettings, object?> Get { get; init; }

    /// <summary>The settings with this value set; invalid values throw <see cref="ArgumentException"/> naming the key.</summary>
    public required Func<RunSettings, object, RunSettings> Set { get; init; }

    /// <summary>The value of a config file's key (never JSON null), given the key; a value of the wrong type throws <see cref="FormatException"/>.</summary>
    public required Func<JsonElement, string, JsonSource, object> Read { get; init; }
}

/// <summary>Where a config file's values come from: its name for messages, and the folder relative paths start from (null: kept as written).</summary>
internal sealed record JsonSource(string Name, string? BaseFolder);
