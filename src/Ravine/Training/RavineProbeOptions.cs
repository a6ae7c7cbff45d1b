namespace Ravine.Training;

/// <summary>How <see cref="RavineProbe"/> measures the ravine at a point.</summary>
public sealed record RavineProbeOptions
{
    /// <summary>The examples of the fixed probe batch (fewer when the training set is smaller).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Lanczos steps per start vector.</summary>
    public int LanczosSteps { get; init; } = 20;

    /// <summary>Random start vectors whose quadratures are averaged for the flat share.</summary>
    public int StartVectors { get; init; } = 2;

    /// <summary>An eigenvalue counts as flat when |λ| ≤ this share of λ_max.</summary>
    public double FlatFraction { get; init; } = 0.01;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option out of range.</exception>
    public void Check(int examples)
    {
        if (BatchSize < 1) throw new ArgumentException($"The probe batch must have at least 1 example, not {BatchSize}.", nameof(BatchSize));
        if (LanczosSteps < 2) throw new ArgumentException($"Lanczos needs at least 2 steps, not {LanczosSteps}.", nameof(LanczosSteps));
        if (StartVectors < 1) throw new ArgumentException($"The probe needs at least 1 start vector, not {StartVectors}.", nameof(StartVectors));
        if (!(FlatFraction > 0 && FlatFraction < 1)) throw new ArgumentException($"The flat fraction must be in (0, 1), not {FlatFraction}.", nameof(FlatFraction));
        _ = examples;
    }
}
