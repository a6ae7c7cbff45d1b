namespace Ravine.Tests.Experiments;

/// <summary>Method options as <see cref="Cli.Experiments.RunSettings.MethodOptions"/> holds them: text by key.</summary>
internal static class Options
{
    /// <summary>Pairs of key and value, e.g. <c>Options.Of("eta", "0.01", "K", "10")</c>.</summary>
    public static Dictionary<string, string> Of(params string[] keysAndValues)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < keysAndValues.Length; i += 2) options[keysAndValues[i]] = keysAndValues[i + 1];
        return options;
    }
}
