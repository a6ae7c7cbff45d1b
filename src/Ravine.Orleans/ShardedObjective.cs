using System.Numerics.Tensors;
using Ravine.Objectives;
using Ravine.Problems;

namespace Ravine.Orleans;

/// <summary>
/// An objective that is a mean over rows, f(x) = (1/m) Σᵢ ℓᵢ(x), whose rows are cut into shards of whole row blocks that
/// live elsewhere (on the silos of an Orleans cluster, or in this process): each call sends x to every shard at once,
/// waits for all of them, and adds the sums of all their blocks in block order (<see cref="SensingPartial.Fold"/>), then
/// divides by m: f = Σ/m and ∇f = (c/m)·Σ∇, with c the objective's gradient factor.
/// </summary>
/// <remarks>
/// <para>
/// <b>What is guaranteed.</b> The blocks are those of the single-process oracle (<see cref="QuadraticSensing.RowBlock"/>
/// rows each, from the first row) and are added in the order it adds them, whatever order the answers arrive in and
/// however many shards hold them: a run's trace equals the plain problem's bit for bit for every shard count, and a
/// cluster of any size and layout gives the same bits as one process (<see cref="InProcessShard"/>). The cost is on the
/// wire: a shard returns a gradient per block it holds, not one per shard (see docs/DISTRIBUTED.md).
/// </para>
/// <para>
/// <b>Faults.</b> A shard whose call throws (its silo died, or the call timed out), that answers for a different number of
/// rows, with gradients of the wrong length, or with NaN at a point whose entries are all finite, makes the call throw
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
    private readonly double _gradientFactor;

    /// <summary>
    /// The objective over <paramref name="shards"/> (holding consecutive whole blocks, in block order), each of dimension
    /// <paramref name="dimension"/>; the gradient sum is scaled by <paramref name="gradientFactor"/>/m.
    /// </summary>
    /// <exception cref="ArgumentException">No shards.</exception>
    public ShardedObjective(IReadOnlyList<IObjectiveShard> shards, int dimension, double gradientFactor = 1)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (shards.Count == 0) throw new ArgumentException("A sharded objective needs at least one shard.", nameof(shards));
        _shards = [.. shards];
        Dimension = dimension;
        _gradientFactor = gradientFactor;
        long total = 0;
        foreach (var shard in _shards) total += shard.Rows;
        Rows = total;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>m, the rows of all shards.</summary>
    public long Rows { get; }

    /// <summary>The shards, in the order their blocks are added.</summary>
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
        // The shards' blocks are added where they arrived, in block order, without joining them into one array first.
        int blocks = 0;
        foreach (var call in calls) blocks += call.Result.Sums.Length;
        double sum;
        if (blocks == 1)
        {
            var only = calls.First(c => c.Result.Sums.Length == 1).Result;
            sum = SensingPartial.Fold(only.Sums, only.Gradients, gradient);
        }
        else
        {
            gradient.Clear();
            sum = 0;
            foreach (var call in calls)
                sum = SensingPartial.AddBlocks(sum, call.Result.Sums, call.Result.Gradients, gradient);
        }
        TensorPrimitives.Multiply(gradient, _gradientFactor / Rows, gradient);
        return sum / Rows;
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
        if (partial.Sums is not { Length: > 0 } sums)
            throw new ShardException(s, _shards.Length, shard.Description, "answered with no block sums: its silo is faulty.");
        if (partial.Gradients is null || partial.Gradients.Length != (long)sums.Length * Dimension)
            throw new ShardException(s, _shards.Length, shard.Description,
                $"returned gradients of length {partial.Gradients?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, expected {sums.Length}·{Dimension} for its {sums.Length} block(s): it serves another problem, or its silo is faulty.");
        if (partial.Rows != shard.Rows)
            throw new ShardException(s, _shards.Length, shard.Description,
                $"answered for {partial.Rows} rows, but holds {shard.Rows}: it serves other rows.");
        if (finite && (HasNaN(partial.Sums) || HasNaN(partial.Gradients)))
            throw new ShardException(s, _shards.Length, shard.Description,
                $"returned NaN ({(HasNaN(partial.Sums) ? "f" : "an entry of the gradient")}) at a point whose entries are all finite: its rows or its silo are faulty.");
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
