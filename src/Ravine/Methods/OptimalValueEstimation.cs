namespace Ravine.Methods;

/// <summary>
/// How GDPolyak (fixed-K and adaptive) estimates f* for its long steps when f* is not given. The estimate appears in
/// the trace's <c>fstar_estimate</c> column; docs/ADAPTIVE.md measures both rules.
/// </summary>
public enum OptimalValueEstimation
{
    /// <summary>
    /// The default. On a ravine of growth order p, f − f* ∝ (‖∇f‖²)^s with s = p/(2(p − 1)) (⅔ under fourth-order
    /// growth, 1 under quadratic), so two points a, b on it (two successive long-step points, or two late points of the
    /// first short phase) give ρ = (‖∇f(b)‖²/‖∇f(a)‖²)^s, e = ρ(f(a) − f(b))/(1 − ρ) ≈ f(b) − f*, and the estimate
    /// f(b) − 2e (a gap over-estimated 2x makes the long step longer, which measured better). s is fitted to the last
    /// three long-step points and used once three fits agree within 0.05; until then, and wherever the fits scatter,
    /// s = 1 (¾ right after f fell below the estimate). No extra oracle call and no starting estimate needed; a start
    /// is used only until two such points exist.
    /// </summary>
    GradientRatio,

    /// <summary>
    /// The authors' code (Davis, Drusvyatskiy, Jiang, "Gradient descent with adaptive stepsize converges (nearly) linearly
    /// under fourth-order growth", arXiv 2409.19791): rounds of a fixed number of epochs, each from
    /// x₀ again, with every long step halved; after each round the estimate becomes (best f + estimate)/2. Without a
    /// start it begins at −max(|f(x₀)|, 1).
    /// </summary>
    Restarts,
}
