using System.Globalization;
using Ravine.Methods;

namespace Ravine.Cli.Compare;

/// <summary>One method with all its settings resolved for one problem, and the short label tables show for it.</summary>
/// <param name="Arguments">The resolved settings (the method is <see cref="MethodArguments.Method"/>).</param>
internal sealed record MethodSetting(MethodArguments Arguments)
{
    /// <summary>The method.</summary>
    public MethodDescriptor Method => Arguments.Method;

    /// <summary>"eta=0.05 K=300", every option that has a value, numbers to 4 significant digits; "defaults" for a method without options.</summary>
    public string Label => Arguments.Values.Count == 0
        ? "no options"
        : string.Join(' ', Arguments.Values.Select(v => $"{v.Key}={Text(v.Value)}"));

    private static string Text(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        _ => MethodDescriptor.Format(value),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Method.Name} {Label}";
}
