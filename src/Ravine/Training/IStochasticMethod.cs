using Ravine.Optimization;

namespace Ravine.Training;

/// <summary>
/// A method that trains from mini-batch gradients: the <see cref="Trainer"/> draws a batch, evaluates its mean loss and
/// gradient, and hands both to <see cref="Step"/>, which moves the parameters in place. What the method remembers
/// between steps is a typed record (<see cref="Save"/>) that <see cref="Restore"/> continues from bit for bit, so a
/// training run can be checkpointed and resumed.
/// </summary>
public interface IStochasticMethod
{
    /// <summary>The method's registry name, e.g. <c>adam</c>.</summary>
    string Name { get; }

    /// <summary>Prepares a run from <paramref name="x"/> on <paramref name="objective"/>; <paramref name="seed"/> seeds any sampling of the method's own.</summary>
    void Start(IMiniBatchObjective objective, ReadOnlySpan<double> x, ulong seed);

    /// <summary>One step from a mini-batch's loss and gradient; writes the new parameters into <see cref="MiniBatchStep.X"/>.</summary>
    StochasticStepReport Step(MiniBatchStep step);

    /// <summary>
    /// The point the run is scored at, kept as the best and returned, given the parameters <paramref name="x"/> the
    /// method steps from: <paramref name="x"/> itself unless the method evaluates gradients at one sequence and
    /// answers with another (Schedule-Free SGD's average).
    /// </summary>
    ReadOnlySpan<double> EvaluationPoint(ReadOnlySpan<double> x) => x;

    /// <summary>What the method remembers now, for a checkpoint.</summary>
    MethodMemory Save();

    /// <summary>Continues from a saved <see cref="Save"/> (after <see cref="Start"/> at the saved parameters).</summary>
    /// <exception cref="FormatException">The memory is not this method's.</exception>
    void Restore(MethodMemory memory);
}
