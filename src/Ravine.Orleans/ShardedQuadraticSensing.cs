using Ravine.Objectives;
using Ravine.Problems;

namespace Ravine.Orleans;

/// <summary>
/// Quadratic sensing with its measurements in shards: a <see cref="ShardedObjective"/> over the shards, with what the
/// run needs besides the rows (start, truth, f*, held-out data) kept here. It stands in for the
/// <see cref="QuadraticSensing"/> instance of a local run: same name, title, start, f* and distance, so a run on it writes
/// the same outputs.
/// </summary>
/// <remarks>
/// Built over a cluster (<see cref="OnClusterAsync"/>: every shard grain loads its rows first) or in this process
/// (<see cref="InProcess"/>, the reference: the same partition gives the same bits). Disposing it disposes the cluster
/// client it was handed to own, if any.
/// </remarks>
public sealed class ShardedQuadraticSensing : ITestProblem, IKnowsDistanceToSolutions, IKnowsOracleFlops, IFactoredProblem, IHasHeldOutData, IDisposable
{
    /// <summary>The 4 of ∇f = (4/m) Σᵢ rᵢ(aᵢpᵢᵀ − bᵢqᵢᵀ): the shards return the sums, unscaled.</summary>
    private const double GradientFactor = 4;

    private readonly SensingInstance _instance;
    private IDisposable? _owned;
    private RedisMembership? _membership;
    private long _membershipCheckedAt = long.MinValue;

    private ShardedQuadraticSensing(ShardedObjective objective, SensingInstance instance)
    {
        Objective = objective;
        _instance = instance;
    }

    /// <summary>
    /// The instance of <paramref name="data"/> cut into <paramref name="shards"/> shards (<see cref="SensingShardData.Split"/>),
    /// each evaluated in this process with <paramref name="threads"/> threads.
    /// </summary>
    public static ShardedQuadraticSensing InProcess(SensingShardData data, int shards, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var parts = data.Split(shards);
        var instance = data.Describe();
        var local = parts.Select(part =>
        {
            var rows = part.Load();
            rows.MaxDegreeOfParallelism = threads;
            return (IObjectiveShard)new InProcessShard(rows, part.Description);
        }).ToArray();
        return new ShardedQuadraticSensing(new ShardedObjective(local, data.Dimension * data.Width, GradientFactor), instance);
    }

    /// <summary>
    /// The instance of <paramref name="data"/> cut into <paramref name="shards"/> shards, each served by an
    /// <see cref="ISensingShardGrain"/> of <paramref name="grains"/>' cluster, which loads its rows before this returns.
    /// </summary>
    /// <remarks>
    /// A shard whose silo died a moment ago is still in the cluster's directory until the membership declares the silo
    /// dead (seconds, by the membership's probe settings): its load fails as undeliverable, and is tried again every
    /// second for up to <paramref name="patience"/> (default 60 s), until the grain is placed on a live silo. The same
    /// patience bounds each call's wait for a shard to move (<see cref="GrainShard.MovePatience"/>) during the run.
    /// </remarks>
    /// <exception cref="ShardException">A shard could not load its rows (the message names it and says why).</exception>
    public static async Task<ShardedQuadraticSensing> OnClusterAsync(IGrainFactory grains, SensingShardData data, int shards, CancellationToken cancellationToken = default,
        TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(data);
        var parts = data.Split(shards);
        var instance = data.Describe();
        var wait = patience ?? TimeSpan.FromSeconds(60);
        var remote = parts.Select(part => new GrainShard(grains, part) { MovePatience = wait }).ToArray();
        var deadline = DateTime.UtcNow + wait;
        var loads = remote.Select(shard => LoadAsync(shard, deadline, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(loads).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Named below, in shard order.
        }
        for (int s = 0; s < loads.Length; s++)
        {
            if (loads[s].IsFaulted)
            {
                var error = loads[s].Exception!.InnerException!;
                throw new ShardException(s, loads.Length, remote[s].Description, $"could not load its rows: {error.GetType().Name}: {ShardedObjective.Brief(error.Message)}", error);
            }
            if (loads[s].Result != remote[s].Rows)
                throw new ShardException(s, loads.Length, remote[s].Description, $"loaded {loads[s].Result} rows, expected {remote[s].Rows}.");
        }
        return new ShardedQuadraticSensing(new ShardedObjective(remote, data.Dimension * data.Width, GradientFactor), instance);
    }

    // Undeliverable (the silo is gone but not yet declared dead) or unavailable: the cluster has not caught up yet.
    private static async Task<int> LoadAsync(GrainShard shard, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await shard.LoadAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is global::Orleans.Runtime.OrleansMessageRejectionException or global::Orleans.Runtime.SiloUnavailableException
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The objective that fans out to the shards.</summary>
    public ShardedObjective Objective { get; }

    /// <summary>The instance apart from its rows.</summary>
    public SensingInstance Instance => _instance;

    /// <summary>Held-out measurements (evaluated in this process), or null.</summary>
    public QuadraticSensing? HeldOut => _instance.HeldOut;

    ITestProblem? IHasHeldOutData.HeldOutProblem => HeldOut;

    /// <inheritdoc />
    public int AmbientDimension => _instance.Dimension;

    /// <inheritdoc />
    public int Width => _instance.Width;

    /// <summary>The number of shards.</summary>
    public int ShardCount => Objective.Shards.Count;

    /// <inheritdoc />
    public string Name => "quadratic-sensing";

    /// <inheritdoc />
    public string Title => $"Quadratic sensing (d = {_instance.Dimension}, k = {_instance.Width}, m = {_instance.Measurements})";

    /// <inheritdoc />
    public double[] Start => (double[])_instance.Start.Clone();

    /// <inheritdoc />
    public int Dimension => Objective.Dimension;

    /// <summary>f* = 0 for exact measurements; NaN (unknown) with noise.</summary>
    public double OptimalValue => _instance.Noise > 0 ? double.NaN : 0;

    /// <summary>8·m·d·k, as the local instance counts it.</summary>
    public double OracleFlops => 8.0 * _instance.Measurements * _instance.Dimension * _instance.Width;

    /// <summary>f(x) and ∇f(x) from the shards; with a watched membership (<see cref="WatchingMembership"/>), only while Redis answers.</summary>
    /// <exception cref="ShardException">A shard failed (see <see cref="ShardedObjective.Evaluate"/>).</exception>
    /// <exception cref="MembershipUnavailableException">The watched membership store stopped answering.</exception>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        CheckMembership();
        return Objective.Evaluate(x, gradient);
    }

    /// <summary>How often a watched membership store is asked whether it still answers (a PING, well under a millisecond on a LAN).</summary>
    public static TimeSpan MembershipCheckInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Has every call first check, at most once per <see cref="MembershipCheckInterval"/>, that the cluster's Redis still
    /// answers. Without it the calls would go on (the silos still talk to each other), but a silo that died then could
    /// not be declared dead and its shards would not move: the run stops instead, at a checkpoint it can resume from.
    /// </summary>
    public ShardedQuadraticSensing WatchingMembership(RedisMembership membership)
    {
        _membership = membership ?? throw new ArgumentNullException(nameof(membership));
        return this;
    }

    private void CheckMembership()
    {
        if (_membership is not { } membership) return;
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_membershipCheckedAt != long.MinValue && System.Diagnostics.Stopwatch.GetElapsedTime(_membershipCheckedAt, now) < MembershipCheckInterval) return;
        membership.ProbeAsync().GetAwaiter().GetResult();
        _membershipCheckedAt = now;
    }

    /// <summary>The Procrustes distance to the solution set, as <see cref="QuadraticSensing.DistanceToSolutions"/>; NaN without a truth.</summary>
    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        if (x.Length != Dimension) throw new ArgumentException($"x has length {x.Length}, expected {Dimension}.", nameof(x));
        return _instance.Truth is null ? double.NaN : OrthogonalProcrustes.Distance(x, _instance.Truth, _instance.Dimension, _instance.Width);
    }

    /// <summary>Hands <paramref name="resource"/> (the cluster client) to this instance, which disposes it with itself.</summary>
    public ShardedQuadraticSensing Owning(IDisposable resource)
    {
        _owned = resource;
        return this;
    }

    /// <summary>Disposes what it owns (see <see cref="Owning"/>).</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _owned, null)?.Dispose();
    }
}
