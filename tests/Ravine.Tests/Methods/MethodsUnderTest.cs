using Ravine.Methods;
using Ravine.Optimization;

namespace Ravine.Tests.Methods;

/// <summary>
/// Every method of <see cref="MethodRegistry"/>, one line each, as the tests that loop over methods build it (after
/// Optax's <c>_MAIN_OPTIMIZERS_UNDER_TEST</c>): a new method is one more line here, and
/// <see cref="MethodsUnderTestTests"/> fails until it is added.
/// </summary>
internal static class MethodsUnderTest
{
    /// <summary>Each method from a stepsize η that suits the problem (about 1/L); methods with their own stepsize rule ignore it.</summary>
    public static IReadOnlyList<(string Name, Func<double, IMethod> Create)> All { get; } =
    [
        ("gdpolyak", eta => new GdPolyak(eta, 10, 30, 0)),
        ("gd", eta => new GradientDescent(eta)),
        ("polyak", _ => new PolyakStep(0)),
        ("nesterov", eta => new NesterovGradient(eta)),
        ("heavy-ball", eta => new HeavyBall(eta)),
        ("adam", _ => new Adam(0.01)),
        ("bb", eta => new BarzilaiBorwein(eta)),
        ("gd-armijo", _ => new ArmijoGradientDescent()),
        ("lbfgs", _ => new LBfgs(5)),
        ("adgd", _ => new AdaptiveGradientDescent()),
        ("gdpolyak-adaptive", _ => new AdaptiveGdPolyak(0)),
        ("dog", _ => new DistanceOverGradients()),
        ("twin-polyak", _ => new TwinPolyak()),
        ("polyak-hk", _ => new HazanKakadePolyak()),
    ];

    /// <summary>
    /// Every method and, after them, configurations whose state differs in kind (f* unknown: the estimate, the safeguard
    /// and their rollbacks must save, restore and not allocate too). Property tests that draw an index use this list.
    /// </summary>
    public static IReadOnlyList<(string Name, Func<double, IMethod> Create)> Configurations { get; } =
    [
        .. All,
        ("gdpolyak fstar=unknown", eta => new GdPolyak(eta, 10, 30, null)),
        ("gdpolyak fstar-estimate=-1 safeguard=on", eta => new GdPolyak(eta, 10, 30, null) { OptimalValueEstimate = -1 }),
        ("gdpolyak-adaptive fstar-estimate=-1", _ => new AdaptiveGdPolyak(null) { OptimalValueEstimate = -1 }),
        ("gdpolyak fstar-rule=restarts", eta => new GdPolyak(eta, 10, 30, null) { Estimation = OptimalValueEstimation.Restarts, RestartEpochs = 3 }),
    ];

    /// <summary>The names, for <c>[MemberData]</c>; <paramref name="except"/> leaves some out (the test says why).</summary>
    public static TheoryData<string> Names(params string[] except)
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in All)
            if (!except.Contains(name)) data.Add(name);
        return data;
    }

    /// <summary>The named method built for stepsize <paramref name="eta"/>.</summary>
    public static IMethod Create(string name, double eta) => Configurations.Single(m => m.Name == name).Create(eta);

    /// <summary>The <paramref name="index"/>-th configuration, for property tests that draw an index in [0, Count).</summary>
    public static IMethod Create(int index, double eta) => Configurations[index].Create(eta);

    /// <summary>How many configurations there are.</summary>
    public static int Count => Configurations.Count;
}
