namespace Ravine.Methods;

/// <summary>Reads entries of a saved method state with checks, so a corrupt checkpoint fails loudly instead of resuming wrongly.</summary>
internal static class MethodStateEntry
{
    public static int ReadCount(IReadOnlyDictionary<string, double[]> state, string key, int maximum)
    {
        if (!state.TryGetValue(key, out var values) || values.Length != 1)
            throw new FormatException($"The saved method state has no single value '{key}'.");
        double v = values[0];
        if (v < 0 || v > maximum || v != Math.Floor(v))
            throw new FormatException($"The saved method state has '{key}' = {v}, expected an integer in [0, {maximum}].");
        return (int)v;
    }

    public static void ReadVector(IReadOnlyDictionary<string, double[]> state, string key, Span<double> destination)
    {
        if (!state.TryGetValue(key, out var values) || values.Length != destination.Length)
            throw new FormatException($"The saved method state has no vector '{key}' of length {destination.Length}.");
        values.CopyTo(destination);
    }

    public static double ReadScalar(IReadOnlyDictionary<string, double[]> state, string key)
    {
        if (!state.TryGetValue(key, out var values) || values.Length != 1)
            throw new FormatException($"The saved method state has no single value '{key}'.");
        return values[0];
    }
}
