using System.Globalization;
using Ravine.Methods;

namespace Ravine.Cli.Paper;

/// <summary>
/// The settings of one published experiment (Davis, Drusvyatskiy, Jiang, "Gradient descent with adaptive stepsize
/// converges (nearly) linearly under fourth-order growth", arXiv 2409.19791): GDPolyak(η, K) for some epochs; GD and
/// Polyak for K·epochs steps, GD with the same η. The paper's settings live here, apart from the problem and method
/// registries, so a new problem or method needs none.
/// </summary>
/// <param name="Problem">The problem's registry name.</param>
/// <param name="Stepsize">η, GDPolyak's short stepsize and GD's stepsize.</param>
/// <param name="ShortSteps">K, short steps per GDPolyak epoch.</param>
/// <param name="Epochs">GDPolyak's epochs.</param>
public sealed record PublishedExperiment(string Problem, double Stepsize, int ShortSteps, int Epochs)
{
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
        // A method that needs η and has no default of its own is a constant-step method: it gets the paper's η, the
        // stepsize the paper gave GD. Methods with their own stepsize rule (Adam's learning rate, backtracking's first
        // trial, L-BFGS, the adaptive methods) keep their own defaults. The schema decides, so a new method needs no entry here.
        if (method.Option("eta") is { Required: true }) defaults["eta"] = Stepsize.ToString("R", CultureInfo.InvariantCulture);
        if (method.Name == "gdpolyak")
        {
            defaults["K"] = ShortSteps.ToString(CultureInfo.InvariantCulture);
            defaults["epochs"] = Epochs.ToString(CultureInfo.InvariantCulture);
        }
        return defaults;
    }
}
