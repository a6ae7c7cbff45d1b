namespace Ravine.Cli.Experiments;

/// <summary>
/// How <c>ravine run</c> connects to a cluster: how long it waits for a gateway to answer, where it says that it is
/// waiting, and what stops the wait (Ctrl+C, SIGTERM). None of it is a setting of the run (a checkpoint neither
/// stores nor resumes it), so it reaches <see cref="ShardedRun.Create"/> beside the settings, for the scope of
/// <see cref="Use"/>, rather than through them.
/// </summary>
internal sealed record ClusterConnection(TimeSpan Timeout, TextWriter Notes, Interruption Interruption)
{
    /// <summary>The wait for a gateway when <c>--connect-timeout</c> is not given (Ravine.Orleans' default; not read from there, so that a local run never loads Orleans).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the shards' loading retries a shard whose silo is gone (until the cluster declares it dead and places
    /// the shard anew): the <c>--connect-timeout</c> when given, else null (Ravine.Orleans' default, a minute, which
    /// covers the cluster's usual time to declare a silo dead).
    /// </summary>
    public TimeSpan? LoadPatience { get; init; }

    /// <summary>A wait as the messages about it write it: seconds, e.g. "10" or "2.5".</summary>
    public static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly AsyncLocal<ClusterConnection?> Scoped = new();

    /// <summary>The connection of the command under way; outside <see cref="Use"/>, the default wait, no notes, no cancellation.</summary>
    public static ClusterConnection Current => Scoped.Value ?? new ClusterConnection(DefaultTimeout, TextWriter.Null, Interruption.From(CancellationToken.None));

    /// <summary>Makes this the <see cref="Current"/> connection until the result is disposed.</summary>
    public IDisposable Use()
    {
        var previous = Scoped.Value;
        Scoped.Value = this;
        return new Restore(previous);
    }

    private sealed class Restore(ClusterConnection? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
