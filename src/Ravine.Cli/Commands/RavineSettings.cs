using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal abstract class RavineSettings : CommandSettings
{
    // RavineApp.Run takes --verbose out of the arguments before parsing (it may stand anywhere, even before the
    // command), so this property is never set; it is declared so that every command's --help shows it.
    [CommandOption("--verbose")]
    [Description("On an error, print the stack trace after its one line.")]
    public bool Verbose { get; init; }
}
