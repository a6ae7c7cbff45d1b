using System.Numerics.Tensors;
using Ravine.Objectives;

namespace Ravine.Orleans;

/// <summary>
/// An objective that is a mean over rows, f(x) = (1/m) Σᵢ ℓᵢ(x), whose rows are cut into shards that live elsewhere (on
/// the silos of an Orleans cluster, or in this process): each call sends x to every shard at once, waits for all of them,
/// and adds their answers in shard order, f = Σₛ (mₛ/m) fₛ and ∇f = Σₛ (mₛ/m) ∇fₛ.
/// </summary>
/// <remarks>
/// <para>
/// <b>What is guaranteed.</b> The sum runs in shard order whatever order the answers arrive in, and each shard's answer
/// depends only on x and its rows, so the same partition gives the same bits on a cluster of any size and layout as in
/// one process (<see cref="InProcessShard"/>): a run's trace equals the single-process run's bit for bit. With one
/// shard, m₀/m = 1 and the answer is the shard's own, so the trace equals the plain problem's. Another partition of the
/// same rows adds the same terms in another grouping: the result agrees to rounding (a few ulps), not to the bit.
/// </para>
/// <para>
/// <b>Faults.</b> A shard whose call throws (its silo died, or the call timed out), that answers for a different number of
/// rows, with a gradient of the wrong length, or with NaN at a point whose entries are all finite, makes the call throw
/// <see cref="ShardException"/> naming the shard; when several fail, the first in shard order is named. A healthy shard
/// returns NaN at a finite point only past overflow, where a local run stops with a non-finite value first; ±∞ passes
/// through as it would locally. Under <see cref="Optimization.Minimizer"/> the exception ends the run as an
/// <see cref="Optimization.ObjectiveException"/> carrying the run so far.
/// </para>
/// <para>Each call allocates the point's copy and the shards' answers: the network is the cost here, not the heap.</para>
/// </remarks>
public sealed class ShardedObjective : IObjective
{
    private readonly IObjectiveShard[] _shards;
    private readonly double[] _weights;

    /// <summary>The objective over <paramref name="shards"/> (in the order their answers are added), each of dimension <paramref name="dimension"/>.</summary>
    /// <exception cref="ArgumentException">No shards.</exception>
    public ShardedObjective(IReadOnlyList<IObjectiveShard> shards, int dimension)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (shards.Count == 0) throw new ArgumentException("A sharded objective needs at least one shard.", nameof(shards));
        _shards = [.. shards];
        Dimension = dimension;
        long total = 0;
        foreach (var shard in _shards) total += shard.Rows;
        Rows = total;
        _weights = [.. _shards.Select(s => (double)s.Rows / total)];
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>m, the rows of all shards.</summary>
    public long Rows { get; }

    /// <summary>The shards, in the order their answers are added.</summary>
    public IReadOnlyList<IObjectiveShard> Shards => _shards;

    /// <summary>f(x) and ∇f(x): one call to every shard at once (see the remarks of the type).</summary>
    /// <exception cref="ShardException">A shard failed or answered wrongly; the message names it.</exception>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        if (x.Length != Dimension) throw new ArgumentException($"x has length {x.Length}, expected {Dimension}.", nameof(x));
        if (gradient.Length != Dimension) throw new ArgumentException($"The gradient has length {gradient.Length}, expected {Dimension}.", nameof(gradient));
        double[] point = x.ToArray();
        var calls = new Task<ShardPartial>[_shards.Length];
        for (int s = 0; s < _shards.Length; s++) calls[s] = Call(_shards[s], point);
        try
        {
            Task.WaitAll(calls);
        }
        catch (AggregateException)
        {
            // Every call has ended; the first failure in shard order is reported below, whichever ended first.
        }
        bool finite = AllFinite(point);
        for (int s = 0; s < _shards.Length; s++)
            Check(s, calls[s], finite);
        double value = _weights[0] * calls[0].Result.Value;
        TensorPrimitives.Multiply(calls[0].Result.Gradient, _weights[0], gradient);
        for (int s = 1; s < _shards.Length; s++)
        {
            var partial = calls[s].Result;
            value += _weights[s] * partial.Value;
            TensorPrimitives.MultiplyAdd(partial.Gradient, _weights[s], gradient, gradient);
        }
        return value;
    }

    // A shard that throws at once (a broken client, say) is a failed call like any other.
    private static Task<ShardPartial> Call(IObjectiveShard shard, double[] point)
    {
        try
        {
            return shard.EvaluateAsync(point);
        }
        catch (Exception e)
        {
            return Task.FromException<ShardPartial>(e);
        }
    }

    private void Check(int s, Task<ShardPartial> call, bool finite)
    {
        var shard = _shards[s];
        if (call.IsFaulted || call.IsCanceled)
        {
            var error = call.Exception?.InnerException ?? call.Exception ?? (Exception)new TaskCanceledException();
            throw new ShardException(s, _shards.Length, shard.Description, $"failed: {error.GetType().Name}: {Brief(error.Message)}", error);
        }
        var partial = call.Result;
        if (partial is null)
            throw new ShardException(s, _shards.Length, shard.Description, "answered with nothing.");
        if (partial.Gradient is null || partial.Gradient.Length != Dimension)
            throw new ShardException(s, _shards.Length, shard.Description,
                $"returned a gradient of length {partial.Gradient?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, expected {Dimension}: it serves another problem, or its silo is faulty.");
        if (partial.Rows != shard.Rows)
            throw new ShardException(s, _shards.Length, shard.Description,
                $"answered for {partial.Rows} rows, but holds {shard.Rows}: it serves other rows.");
        if (finite && (double.IsNaN(partial.Value) || HasNaN(partial.Gradient)))
            throw new ShardException(s, _shards.Length, shard.Description,
                $"returned NaN ({(double.IsNaN(partial.Value) ? "f" : "an entry of the gradient")}) at a point whose entries are all finite: its rows or its silo are faulty.");
    }

    /// <summary>The first line of an exception's message, without the stack frames some Orleans messages carry.</summary>
    internal static string Brief(string message)
    {
        int cut = message.IndexOf("   at ", StringComparison.Ordinal);
        string text = (cut > 0 ? message[..cut] : message).ReplaceLineEndings(" ").Trim();
        return text.Length <= 400 ? text : text[..400] + "…";
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (double.IsNaN(v)) return true;
        return false;
    }
}
