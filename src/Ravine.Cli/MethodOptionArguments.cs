using Ravine.Methods;
using Ravine.Cli.Experiments;

namespace Ravine.Cli;

/// <summary>
/// The method options on a <c>run</c> command line (<c>--eta 0.1</c>, <c>-K 100</c>, <c>--beta1=0.95</c>): every key of
/// every method's schema (<see cref="MethodDescriptor.Options"/>). Spectre.Console.Cli declares options statically,
/// so these are taken out of the arguments before it parses the rest; the run then checks them against its method.
/// </summary>
internal sealed class MethodOptionArguments
{
    public static MethodOptionArguments None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private MethodOptionArguments(IReadOnlyDictionary<string, string> values, IReadOnlyList<string>? commandArguments = null)
    {
        Values = values;
        CommandArguments = commandArguments;
    }

    /// <summary>The command's arguments as typed (after the command name), method options included; null when none were taken out.</summary>
    public IReadOnlyList<string>? CommandArguments { get; }

    /// <summary>The values by option key, as typed.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The command-line spelling of the given options, for messages.</summary>
    public IEnumerable<string> Flags => Values.Keys.Select(k => "--" + k);

    /// <summary>
    /// Splits <paramref name="args"/> of a <c>run</c> command into method options and the rest (other commands are left
    /// whole). A key of no method, and anything after <c>--</c>, is left for the parser to judge.
    /// </summary>
    /// <exception cref="ArgumentException">A method option without a value, or given twice.</exception>
    public static (MethodOptionArguments Options, IReadOnlyList<string> Remaining) Extract(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "run") return (None, args);
        var keys = MethodRegistry.All.SelectMany(m => m.Options).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string> { args[0] };
        for (int i = 1; i < args.Count; i++)
        {
            string token = args[i];
            if (token == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }
            if (!token.StartsWith('-') || token.Length < 2 || char.IsDigit(token[1]))
            {
                rest.Add(token);
                continue;
            }
            string name = token.TrimStart('-');
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            string? inline = equals >= 0 ? name[(equals + 1)..] : null;
            if (equals >= 0) name = name[..equals];
            if (Declared.TryGetValue(name, out bool takesValue) || !keys.Contains(name))
            {
                rest.Add(token);
                // The declared option's value may look like a flag (a negative f*): pass it on untouched.
                if (takesValue && inline is null && i + 1 < args.Count) rest.Add(args[++i]);
                continue;
            }
            string value = inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"--{name} needs a value.", name));
            if (!values.TryAdd(name, value))
                throw new ArgumentException($"--{name} is given twice.", name);
        }
        return (new MethodOptionArguments(values, args.Skip(1).ToArray()), rest);
    }

    /// <summary>The run's own options (and --help), each with whether it takes a value.</summary>
    private static readonly Dictionary<string, bool> Declared = new(
        RunOptions.All.Select(o => KeyValuePair.Create(o.Name, o.ValueName.Length > 0))
            .Concat([KeyValuePair.Create("help", false), KeyValuePair.Create("h", false)]), StringComparer.Ordinal);
}
