using System.Globalization;
using Ravine.Methods;

namespace Ravine.Cli.Compare;

/// <summary>One method with all its settings resolved for one problem, and the short label tables show for it.</summary>
/// <param name="Arguments">The resolved settings (the method is <see cref="MethodArguments.Method"/>).</param>
internal sealed record MethodSetting(MethodArguments Arguments)
{
    /// <summary>The method.</summary>
    public MethodDescriptor Method => Arguments.Method;

    /// <summary>
    /// "eta=0.05 K=300": every option whose value is not the option's own default (a default says nothing the method's
    /// documentation does not), numbers to 4 significant digits; "no options" for a method without options, "defaults"
    /// when every option is at its default.
    /// </summary>
    public string Label
    {
        get
        {
            if (Arguments.Values.Count == 0) return "no options";
            var set = Arguments.Values.Where(v => Method.Option(v.Key) is not { Default: { } d } option || !Equals(option.Parse(d), v.Value)).ToArray();
            return set.Length == 0 ? "defaults" : string.Join(' ', set.Select(v => $"{v.Key}={Text(v.Value)}"));
        }
    }

    private static string Text(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        _ => MethodDescriptor.Format(value),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Method.Name} {Label}";
}
