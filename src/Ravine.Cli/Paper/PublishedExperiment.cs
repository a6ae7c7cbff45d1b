using System.Globalization;
using Ravine.Methods;

namespace Ravine.Cli.Paper;

/// <summary>
/// The settings of one published experiment (Davis, Drusvyatskiy, Jiang, arXiv 2409.19791): GDPolyak(η, K) for some
/// epochs; GD and Polyak for K·epochs steps, GD with the same η. The paper's settings live here, apart from the
/// problem and method registries, so a new problem or method needs none.
/// </summary>
/// <param name="Problem">The problem's registry name.</param>
/// <param name="Stepsize">η, GDPolyak's short stepsize and GD's stepsize.</param>
/// <param name="ShortSteps">K, short steps per GDPolyak epoch.</param>
/// <param name="Epochs">GDPolyak's epochs.</param>
public sealed record PublishedExperiment(string Problem, double Stepsize, int ShortSteps, int Epochs)
{
    // The constant-step rivals get the paper's η, the stepsize it gave GD; methods with their own stepsize rule
    // (Adam's learning rate, backtracking, L-BFGS, the adaptive methods) keep their own defaults.
    private static readonly string[] MethodsWithPublishedStepsize = ["gdpolyak", "gd", "nesterov", "bb"];

    /// <summary>The step budget of the baselines (GD, Polyak and every rival): K · epochs.</summary>
    public int BaselineSteps => ShortSteps * Epochs;

    /// <summary>GDPolyak's steps: epochs · (K + 1).</summary>
    public long GdPolyakSteps => (long)Epochs * (ShortSteps + 1);

    /// <summary>A fifth of the epochs (at least 2): a smoke test, not a reproduction.</summary>
    public PublishedExperiment Quick() => this with { Epochs = Math.Max(2, Epochs / 5) };

    /// <summary>The option values this experiment gives <paramref name="method"/> where the user gives none.</summary>
    public IReadOnlyDictionary<string, string> MethodDefaults(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (MethodsWithPublishedStepsize.Contains(method.Name)) defaults["eta"] = Stepsize.ToString("R", CultureInfo.InvariantCulture);
        if (method.Name == "gdpolyak")
        {
            defaults["K"] = ShortSteps.ToString(CultureInfo.InvariantCulture);
            defaults["epochs"] = Epochs.ToString(CultureInfo.InvariantCulture);
        }
        return defaults;
    }
}
