namespace Ravine.Methods;

/// <summary>Checks members of a restored method memory against the method's settings, so a corrupt checkpoint fails loudly instead of resuming wrongly.</summary>
internal static class MethodStateEntry
{
    public static int Count(int value, int maximum, string key) => value >= 0 && value <= maximum
        ? value
        : throw new FormatException($"The saved method state has '{key}' = {value}, expected an integer in [0, {maximum}].");

    public static void Vector(double[] source, Span<double> destination, string key)
    {
        if (source.Length != destination.Length)
            throw new FormatException($"The saved method state has no vector '{key}' of length {destination.Length}.");
        source.CopyTo(destination);
    }
}
