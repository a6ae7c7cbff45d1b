using System.ComponentModel;
using Ravine.Methods;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine methods [NAME]</c>: every method with its summary, or one method's options (key, default, allowed values,
/// meaning), generated from the registry's schemas so the help cannot drift from what <c>run</c> accepts.
/// </summary>
internal sealed class MethodsCommand(IAnsiConsole console) : Command<MethodsCommand.Settings>
{
    /// <summary>The options of <c>ravine methods</c>.</summary>
    public sealed class Settings : RavineSettings
    {
        [CommandArgument(0, "[NAME]")]
        [Description("A method's name: list its options. Without it: every method.")]
        public string? Name { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Name is null)
        {
            var table = new Table().Border(TableBorder.None).AddColumns("method", "what", "options");
            foreach (var method in MethodRegistry.All)
                table.AddRow(Markup.Escape(method.Name), Markup.Escape(method.Summary),
                    Markup.Escape(string.Join(" ", method.Options.Select(o => o.Flag).Concat(method.UsesOptimalValue ? ["--fstar"] : []))));
            console.Write(table);
            console.WriteLine("ravine methods NAME lists a method's options with their defaults.");
            return 0;
        }
        var descriptor = MethodRegistry.Find(settings.Name);
        console.MarkupLineInterpolated($"[bold]{descriptor.Name}[/]: {descriptor.Summary}");
        console.WriteLine($"In C#: {MethodRegistry.LibraryType(descriptor).FullName}, built by its constructor.");
        if (descriptor.Options.Count == 0 && !descriptor.UsesOptimalValue)
        {
            console.WriteLine("It has no options.");
            return 0;
        }
        var options = new Table().Border(TableBorder.None).AddColumns("option", "default", "takes", "meaning");
        foreach (var option in descriptor.Options)
            options.AddRow(Markup.Escape(option.Flag), Markup.Escape(option.Default ?? (option.Required ? "(required; published value on the paper's problems)" : "(none)")),
                Markup.Escape(option.Domain), Markup.Escape(option.Description));
        if (descriptor.UsesOptimalValue)
            options.AddRow("--fstar", "the problem's f*", "a number", Markup.Escape("f*, the optimal value the Polyak steps use"));
        console.Write(options);
        return 0;
    }
}
