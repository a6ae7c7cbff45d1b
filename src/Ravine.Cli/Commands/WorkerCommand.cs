using System.ComponentModel;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ravine.Cli.Output;
using Ravine.Orleans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine worker</c>: an Orleans silo that serves shards of sharded runs (<c>ravine run --cluster … --shards N</c>),
/// joining a cluster by development clustering (the first worker is the primary, the others name it with
/// <c>--primary</c>) or through Redis (<c>--membership redis://HOST:PORT</c>: no primary, and the cluster outlives any
/// worker). It runs until Ctrl+C or SIGTERM. Mistakes are one line on stderr and exit 2: a port that is taken,
/// a primary that does not answer within <c>--connect-timeout</c>, a Redis that does not answer. Orleans' own log goes to <c>--log FILE</c>, or with
/// <c>--verbose</c> to stderr; otherwise nowhere.
/// </summary>
internal sealed class WorkerCommand(IAnsiConsole console, StatusOutput status, Interruption interruption, Verbosity verbosity) : Command<WorkerCommand.Settings>
{
    /// <summary>The options of <c>ravine worker</c>.</summary>
    public sealed class Settings : RavineSettings
    {
        [CommandOption("--silo-port <P>")]
        [Description("Required: the port the silo talks to other silos on.")]
        public int? SiloPort { get; init; }

        [CommandOption("--gateway-port <G>")]
        [Description("Required: the port clients (ravine run --cluster HOST:G) connect to.")]
        public int? GatewayPort { get; init; }

        [CommandOption("--primary <HOST:P>")]
        [Description("The silo port of the cluster's primary worker, which keeps the membership; default: this worker is the primary (start it first).")]
        public string? Primary { get; init; }

        [CommandOption("--membership <redis://HOST:PORT>")]
        [Description("Keep the cluster's membership in Redis at HOST:PORT instead of on a primary worker: every worker names the same Redis, none is primary, and the cluster survives any worker's death. See docs/DISTRIBUTED.md.")]
        public string? Membership { get; init; }

        [CommandOption("--address <IP>")]
        [Description("The address this silo listens on and tells the others (default 127.0.0.1: this machine only; give the machine's address for a cluster of several machines).")]
        public string? Address { get; init; }

        [CommandOption("--threads <T>")]
        [Description("Threads each shard's evaluation may use (the result does not depend on it); default 1.")]
        [TypeConverter(typeof(ThreadsValue))]
        public int? Threads { get; init; }

        [CommandOption("--connect-timeout <SECONDS>")]
        [Description("With --primary or --membership: how long to wait for the primary, or the workers listed in Redis, to answer before giving up (exit 2); default 10.")]
        [TypeConverter(typeof(ConnectTimeoutValue))]
        public double? ConnectTimeout { get; init; }

        [CommandOption("--log <FILE>")]
        [Description("Append Orleans' own log (information and up) to FILE; default: not kept (--verbose shows it on stderr).")]
        public string? Log { get; init; }

        public override ValidationResult Validate() =>
            SiloPort is not (>= 1 and <= 65535) ? ValidationResult.Error("worker needs --silo-port P, a port in 1–65535.")
            : GatewayPort is not (>= 1 and <= 65535) ? ValidationResult.Error("worker needs --gateway-port G, a port in 1–65535.")
            : SiloPort == GatewayPort ? ValidationResult.Error("--silo-port and --gateway-port must differ.")
            : Address is not null && !IPAddress.TryParse(Address, out _) ? ValidationResult.Error($"--address takes an IP address, not '{Address}'.")
            : Log is not null && string.IsNullOrWhiteSpace(Log) ? ValidationResult.Error("--log takes a file, not ''.")
            : Membership is not null && Primary is not null ? ValidationResult.Error("--membership and --primary are two ways of finding the cluster: give one (with Redis there is no primary).")
            : ConnectTimeout is not null && Primary is null && Membership is null ? ValidationResult.Error("--connect-timeout sets the wait for the primary: it applies with --primary or --membership (a primary waits for nobody).")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var address = settings.Address is null ? IPAddress.Loopback : IPAddress.Parse(settings.Address);
        var primary = settings.Primary is null ? null : ShardHosting.ParseEndpoint(settings.Primary, "--primary");
        var membership = settings.Membership is null ? null : RedisMembership.Parse(settings.Membership);
        int threads = settings.Threads ?? 1;
        int siloPort = settings.SiloPort!.Value, gatewayPort = settings.GatewayPort!.Value;
        // Orleans binds with SO_REUSEPORT on Linux, so a second worker on the same ports would start "successfully" and
        // share them; a plain bind tried first finds them taken.
        WorkerPorts.EnsureFree(address, siloPort, "--silo-port");
        WorkerPorts.EnsureFree(address, gatewayPort, "--gateway-port");
        var timeout = settings.ConnectTimeout is { } seconds ? TimeSpan.FromSeconds(seconds) : ShardHosting.DefaultConnectTimeout;
        if (membership is not null && !RedisAnswers(membership)) return RavineApp.BadArguments;
        interruption.Stopping = membership is not null ? "giving up joining the cluster and stopping the worker"
            : primary is null ? "stopping the worker" : "giving up joining the primary and stopping the worker";
        using var log = settings.Log is null ? null : WorkerLog.Open(settings.Log);
        var host = ShardHosting.CreateWorker(address, siloPort, gatewayPort, primary, threads, logging: logging => WorkerLog.Configure(logging, log, verbosity.Verbose), membership: membership);
        string waited = Experiments.ClusterConnection.Seconds(timeout);
        if (primary is not null)
            status.Notes.WriteLine($"ravine worker: joining the primary {primary} (waiting up to {waited} s; --connect-timeout sets it)");
        try
        {
            // A primary waits for nobody: its start is bounded by what it does itself.
            ShardHosting.StartWithinAsync(host, primary is null && membership is null ? Timeout.InfiniteTimeSpan : timeout, interruption.Token).GetAwaiter().GetResult();
        }
        catch (TimeoutException) when (membership is not null)
        {
            status.Notes.WriteLine($"ravine: the silo could not join the cluster in {membership} within {waited} s (Redis answers, but the workers listed there do not); wait longer with --connect-timeout.");
            return RavineApp.BadArguments;
        }
        catch (TimeoutException)
        {
            status.Notes.WriteLine($"ravine: no answer from the primary {primary} within {waited} s: start the primary worker first, check that --primary names its silo port (not its gateway port), or wait longer with --connect-timeout.");
            return RavineApp.BadArguments;
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            status.Notes.WriteLine($"ravine worker: stopped ({interruption.Cause}) before the silo started.");
            return interruption.ExitCode;
        }
        catch (Exception e) when (WorkerPorts.InUse(e))
        {
            // Taken between the check and the silo's own bind.
            status.Notes.WriteLine($"ravine: --silo-port {siloPort} or --gateway-port {gatewayPort} on {address} is in use (another worker, or another program, listens there); choose free ports.");
            return RavineApp.BadArguments;
        }
        using (host)
        {
            interruption.Stopping = "leaving the cluster and stopping the worker";
            string role = membership is not null ? $"membership in {membership}" : primary is null ? "the primary" : $"joined the primary {primary}";
            console.MarkupLineInterpolated($"ravine worker: silo {address}:{siloPort} ({role}), gateway {address}:{gatewayPort}, {threads} thread(s) per shard. Ctrl+C stops it.");
            try
            {
                Task.Delay(Timeout.Infinite, interruption.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: leave the cluster cleanly, so its shards move at once rather than after a failure is detected.
            }
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            host.StopAsync(stopping.Token).GetAwaiter().GetResult();
            console.MarkupLineInterpolated($"ravine worker: stopped ({interruption.Cause ?? "stopped"}); it left the cluster.");
        }
        return 0;
    }

    /// <summary>Whether Redis answers; if not, says so in one line naming it (the silo would otherwise wait for it at length).</summary>
    private bool RedisAnswers(RedisMembership membership)
    {
        try
        {
            membership.ProbeAsync(cancellationToken: interruption.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (MembershipUnavailableException e)
        {
            status.Notes.WriteLine($"ravine: {e.Message}; start redis-server there, or correct --membership.");
            return false;
        }
    }
}
