namespace Ravine.Training;

/// <summary>How a <see cref="Trainer"/> trains: epochs, batch size, seed, when to stop early and when to probe the ravine.</summary>
public sealed record TrainerOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Examples per mini-batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seeds the initial point, the batch order and the method's own sampling.</summary>
    public ulong Seed { get; init; }

    /// <summary>Stop once the validation accuracy reaches this share (null: run every epoch).</summary>
    public double? TargetAccuracy { get; init; }

    /// <summary>Measure the ravine (<see cref="RavineProbe"/>) every this many epochs, and at the start; 0 never.</summary>
    public int ProbeEvery { get; init; }

    /// <summary>The probe's settings.</summary>
    public RavineProbeOptions Probe { get; init; } = new();

    /// <summary>Checks the options against a training set of <paramref name="examples"/>.</summary>
    /// <exception cref="ArgumentException">An option out of range; the message says which.</exception>
    public void Check(int examples)
    {
        if (Epochs < 1) throw new ArgumentException($"--epochs must be at least 1, not {Epochs}.", nameof(Epochs));
        if (BatchSize < 1 || BatchSize > examples)
            throw new ArgumentException($"--batch {BatchSize} must be between 1 and the {examples} training examples.", nameof(BatchSize));
        if (TargetAccuracy is { } target && !(target > 0 && target <= 1))
            throw new ArgumentException($"The target accuracy must be in (0, 1], not {target}.", nameof(TargetAccuracy));
        if (ProbeEvery < 0) throw new ArgumentException($"The probe interval must be ≥ 0, not {ProbeEvery}.", nameof(ProbeEvery));
        Probe.Check(examples);
    }
}
