using System.Reflection;
using Ravine.Methods;
using Ravine.Optimization;

namespace Ravine.Cli.Commands;

/// <summary>
/// The library type a registered method is built from in C#: the public <see cref="IMethod"/> whose static
/// <c>Descriptor</c> is the registry's entry. Found from the registry, so <c>ravine methods NAME</c> names the type of a
/// new method without a hand-written list.
/// </summary>
internal static class MethodType
{
    /// <summary>The type whose <c>Descriptor</c> is <paramref name="descriptor"/>, or null for a method defined elsewhere.</summary>
    public static Type? Of(MethodDescriptor descriptor) =>
        typeof(IMethod).Assembly.GetExportedTypes().FirstOrDefault(t => typeof(IMethod).IsAssignableFrom(t)
            && ReferenceEquals(t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null), descriptor));
}
