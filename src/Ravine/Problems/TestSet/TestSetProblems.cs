using Ravine.Objectives;

namespace Ravine.Problems.TestSet;

/// <summary>
/// The external test set: standard problems (Moré–Garbow–Hillstrom, CUTEst) with known f*, each made fresh by its
/// factory at its standard size and start.
/// </summary>
/// <remarks>
/// Order: first the degenerate problems, from the ravines closest to the theory (a quartic floor, quadratic walls) to
/// the stress tests (a sixth-order floor; a line of minimizers), then the nonsingular controls where constant-step GD
/// and L-BFGS should win.
/// </remarks>
internal static class TestSetProblems
{
    public static IReadOnlyList<Func<IObjective>> All { get; } =
    [
        () => new SingularRosenbrock(),
        () => new SingularWood(),
        () => new SingularTrigonometric(),
        () => new NonDiagonalQuartic(),
        () => new CraggLevy(),
        () => new Box3(),
        () => new ExtendedRosenbrock(),
        () => new Beale(),
    ];
}
