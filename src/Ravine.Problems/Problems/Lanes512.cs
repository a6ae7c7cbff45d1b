using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ravine.Problems;

/// <summary>
/// The Vector512 (AVX-512) lanes of the sensing kernel: eight columns of X per vector, each broadcast entry of A or B
/// feeding eight columns per FMA instead of four. Where the processor lacks AVX-512 the runtime carries these out in
/// software, slowly but with the same results.
/// </summary>
internal readonly struct Lanes512 : IVectorLanes<Vector512<double>>
{
    public static int Count => Vector512<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Broadcast(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(ref double source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<double> value, ref double destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> FusedMultiplyAdd(Vector512<double> left, Vector512<double> right, Vector512<double> addend) =>
        Vector512.FusedMultiplyAdd(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> left, Vector512<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

    /// <summary>The lower four lanes as <see cref="Lanes256"/> adds them, then the upper four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddDifferenceOfSquares(double sum, Vector512<double> p, Vector512<double> q) =>
        Lanes256.AddDifferenceOfSquares(Lanes256.AddDifferenceOfSquares(sum, p.GetLower(), q.GetLower()), p.GetUpper(), q.GetUpper());
}
