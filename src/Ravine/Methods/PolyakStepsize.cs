namespace Ravine.Methods;

/// <summary>The Polyak stepsize (f(x) − f*) / ‖∇f(x)‖², the long step of GDPolyak and the step of the Polyak method.</summary>
internal static class PolyakStepsize
{
    /// <summary>
    /// (f − f*)₊ / ‖∇f‖². A non-positive gap (f* over-estimated, or round-off next to the solution) gives 0:
    /// a Polyak step is never taken backwards, which is Optax's <c>sps+</c> rule. A zero gradient with a positive
    /// gap gives +∞, which callers treat as a non-finite step.
    /// </summary>
    public static double Compute(double value, double optimalValue, double gradientNormSquared)
    {
        double gap = value - optimalValue;
        return gap > 0 ? gap / gradientNormSquared : 0;
    }
}
