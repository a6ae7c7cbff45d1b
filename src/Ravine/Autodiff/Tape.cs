namespace Ravine.Autodiff;

/// <summary>
/// Reverse-mode differentiation of tensor programs: each operation called on the tape computes its result at once and
/// records itself; <see cref="Backward"/> then writes the exact gradient of a scalar with respect to every tensor it
/// depends on. Record with tangents (<see cref="Reset"/>) to get exact Hessian-vector products as well.
/// </summary>
/// <remarks>
/// <para>
/// A tape is reused: <see cref="Reset"/> starts a new recording that takes over the previous one's buffers when the
/// same operations come in the same order (a training step, or an objective's every call), so after the first
/// recording a step allocates nothing (matrix products on more than one thread allocate the task library's few
/// objects per call). Tensors from a recording are valid until the next <see cref="Reset"/>.
/// </para>
/// <para>
/// Deterministic: every operation sums in a fixed order and the matrix products (<see cref="Gemm"/>) give the same bits
/// for any <see cref="Threads"/>, so a program gives the same loss, gradient and Hessian-vector product on 1 or 2
/// threads. A tape is used from one thread at a time.
/// </para>
/// </remarks>
public sealed partial class Tape
{
    private readonly List<TapeNode> _nodes = [];
    private int _count;

    /// <summary>A tape whose matrix products use up to <paramref name="threads"/> threads.</summary>
    public Tape(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
    }

    /// <summary>The most threads a matrix product uses; the results do not depend on it.</summary>
    public int Threads { get; }

    /// <summary>Whether this recording carries tangents (for Hessian-vector products).</summary>
    public bool RecordsTangents { get; private set; }

    /// <summary>The floating-point operations of the matrix products and convolutions since <see cref="Reset"/>,
    /// forward and backward (2 per multiply-add); the elementwise operations are not counted.</summary>
    public long Flops { get; private set; }

    /// <summary>The number of operations recorded since <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>Starts a new recording; the tensors of the previous one become invalid.</summary>
    /// <param name="tangents">Whether to carry tangents: variables then take a tangent direction, and
    /// <see cref="Tensor.GradientTangent"/> of a variable is the Hessian-vector product after <see cref="Backward"/>.</param>
    public void Reset(bool tangents = false)
    {
        _count = 0;
        RecordsTangents = tangents;
        Flops = 0;
    }

    /// <summary>
    /// Writes into every recorded tensor that depends on a variable the gradient of the scalar <paramref name="loss"/>
    /// (and, when recording tangents, its tangent).
    /// </summary>
    public void Backward(Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        int last = IndexOf(loss);
        if (loss.Length != 1)
            throw new ArgumentException($"Backward starts from a scalar; the tensor has shape {loss.Shape}.", nameof(loss));
        if (!loss.RequiresGradient)
            throw new ArgumentException("The loss depends on no variable, so it has no gradient.", nameof(loss));
        for (int i = 0; i <= last; i++) _nodes[i].Output.ClearGradient();
        loss.G[0] = 1;
        for (int i = last; i >= 0; i--)
            if (_nodes[i].Output.RequiresGradient) _nodes[i].Backward(this);
    }

    /// <summary>The node at the current place if it is a <typeparamref name="T"/> (reused), else a new one there.</summary>
    internal T Next<T>() where T : TapeNode, new()
    {
        if (_count < _nodes.Count && _nodes[_count] is T reused)
        {
            _count++;
            return reused;
        }
        var node = new T();
        if (_count < _nodes.Count) _nodes[_count] = node;
        else _nodes.Add(node);
        _count++;
        return node;
    }

    internal void CountFlops(long flops) => Flops += flops;

    /// <summary>C (+)= op(A)·op(B) on this tape's threads, counted in <see cref="Flops"/>.</summary>
    internal void Multiply(ReadOnlySpan<double> a, bool transposeA, ReadOnlySpan<double> b, bool transposeB, Span<double> c, int m, int k, int n, bool accumulate)
    {
        Gemm.Multiply(a, transposeA, b, transposeB, c, m, k, n, accumulate, Threads);
        Flops += Gemm.Flops(m, k, n);
    }

    private int IndexOf(Tensor tensor)
    {
        for (int i = _count - 1; i >= 0; i--)
            if (ReferenceEquals(_nodes[i].Output, tensor)) return i;
        throw new ArgumentException("The tensor was not recorded on this tape since its last Reset.", nameof(tensor));
    }

    /// <summary>Checks that <paramref name="tensor"/> belongs to the current recording.</summary>
    internal void Own(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        for (int i = _count - 1; i >= 0; i--)
            if (ReferenceEquals(_nodes[i].Output, tensor)) return;
        throw new ArgumentException("The tensor was not recorded on this tape since its last Reset.", name);
    }
}
