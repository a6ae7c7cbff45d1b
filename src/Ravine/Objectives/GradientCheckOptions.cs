namespace Ravine.Objectives;

/// <summary>
/// Settings of <see cref="GradientChecker.Check"/>: which coordinates to check, the finite-difference step and the
/// scale below which gradient entries count as "nearly zero". Invalid values throw at construction, naming the setting.
/// </summary>
public sealed record GradientCheckOptions
{
    /// <summary>The defaults: every coordinate, relative step ∛ε, scale ‖∇f(x)‖∞.</summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>
    /// Check only this many coordinates, drawn uniformly without replacement from a
    /// <see cref="Randomness.Xoshiro256StarStar"/> seeded with <see cref="Seed"/>. Null (the default): every coordinate.
    /// A value ≥ n checks every coordinate.
    /// </summary>
    public int? Coordinates { get; init => field = value is int c && c < 1 ? throw new ArgumentOutOfRangeException(nameof(Coordinates), c, "Coordinates must be ≥ 1 (or null for all).") : value; }

    /// <summary>The seed of the coordinate sample (used only with <see cref="Coordinates"/>). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The step of coordinate i is hᵢ = this · max(1, |xᵢ|). Default ∛ε ≈ 6.06e-6 (ε = 2⁻⁵²), the step that balances the
    /// truncation error O(h²·f''') of central differences against the round-off error O(ε·|f| / h).
    /// </summary>
    public double RelativeStep { get; init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(RelativeStep), value, "RelativeStep must be positive and finite."); } = Math.Cbrt(Math.Pow(2, -52));

    /// <summary>
    /// A lower bound on the scale s in the error |gᵢ − fdᵢ| / max(|gᵢ|, |fdᵢ|, s); s = max(‖∇f(x)‖∞, this). Default 0.
    /// Set it near a stationary point, where the whole gradient is round-off and finite-difference noise.
    /// </summary>
    public double AbsoluteScale { get; init => field = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(AbsoluteScale), value, "AbsoluteScale must be ≥ 0 and finite."); }
}
