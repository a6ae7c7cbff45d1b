using Ravine.Problems;

namespace Ravine.Orleans;

/// <summary>
/// A shard's answer at one point: the unscaled sums of each of its blocks of rows, Σᵢ ℓᵢ(x) and its gradient, kept
/// apart so that the caller adds every shard's blocks in one fixed block order (the single-process order), and how many
/// rows it holds (checked against what the shard was given, so a silo serving other rows is caught).
/// </summary>
/// <param name="Sums">Each block's Σᵢ ℓᵢ(x), in block order (at least one).</param>
/// <param name="Gradients">Each block's gradient sum, in block order: <paramref name="Sums"/>.Length × the objective's dimension.</param>
/// <param name="Rows">mₛ, the rows behind the sums.</param>
[GenerateSerializer]
[Immutable]
public sealed record ShardPartial([property: Id(0)] double[] Sums, [property: Id(1)] double[] Gradients, [property: Id(2)] int Rows)
{
    /// <summary>The answer of a shard whose rows are one block: its sum and gradient sum.</summary>
    public ShardPartial(double sum, double[] gradient, int rows) : this([sum], gradient, rows)
    {
    }

    /// <summary>The per-block sums of the quadratic-sensing rows <paramref name="rows"/> at <paramref name="x"/>.</summary>
    internal static ShardPartial Of(QuadraticSensing rows, double[] x)
    {
        int blocks = rows.BlockCount;
        double[] sums = new double[blocks], gradients = new double[blocks * rows.Dimension];
        rows.EvaluateBlocks(x, sums, gradients);
        return new ShardPartial(sums, gradients, rows.MeasurementCount);
    }
}
