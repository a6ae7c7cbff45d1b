namespace Ravine.Orleans;

/// <summary>
/// A shard's answer at one point: the mean fₛ of its rows, its gradient ∇fₛ, and how many rows it holds (checked
/// against what the shard was given, so a silo serving other rows is caught).
/// </summary>
/// <param name="Value">fₛ(x), the mean over the shard's rows.</param>
/// <param name="Gradient">∇fₛ(x), of the objective's dimension.</param>
/// <param name="Rows">mₛ, the rows behind <paramref name="Value"/>.</param>
[GenerateSerializer]
[Immutable]
public sealed record ShardPartial([property: Id(0)] double Value, [property: Id(1)] double[] Gradient, [property: Id(2)] int Rows);
