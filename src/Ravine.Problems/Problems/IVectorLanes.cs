namespace Ravine.Problems;

/// <summary>
/// The operations the quadratic-sensing vector kernel needs on one vector of doubles, so that one generic kernel serves
/// both widths (<see cref="Lanes256"/>, <see cref="Lanes512"/>). The kernel takes the implementing struct as a type
/// argument: the JIT compiles one specialized copy per struct with these calls inlined, the same code as a kernel
/// written for that width by hand.
/// </summary>
/// <typeparam name="TVector">The vector type, <c>Vector256&lt;double&gt;</c> or <c>Vector512&lt;double&gt;</c>.</typeparam>
internal interface IVectorLanes<TVector> where TVector : unmanaged
{
    /// <summary>Doubles per vector: the column-chunk width of X and of the gradient.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(double value);

    /// <summary>The <see cref="Count"/> doubles from <paramref name="source"/> + <paramref name="offset"/>.</summary>
    static abstract TVector Load(ref double source, nuint offset);

    /// <summary>Writes <paramref name="value"/> to the <see cref="Count"/> doubles at <paramref name="destination"/>.</summary>
    static abstract void Store(TVector value, ref double destination);

    /// <summary>(<paramref name="left"/> · <paramref name="right"/>) + <paramref name="addend"/>, rounded once per lane.</summary>
    static abstract TVector FusedMultiplyAdd(TVector left, TVector right, TVector addend);

    /// <summary>The lane-wise product.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>The lane-wise sum.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>
    /// <paramref name="sum"/> plus ‖p‖² − ‖q‖² over the lanes, added four lanes at a time, ((s₀ + s₁) + (s₂ + s₃)), group
    /// after group from lane 0: the order that makes both widths bit-identical.
    /// </summary>
    static abstract double AddDifferenceOfSquares(double sum, TVector p, TVector q);
}
