using System.ComponentModel;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ravine.Orleans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ravine.Cli.Commands;

/// <summary>
/// <c>ravine worker</c>: an Orleans silo that serves shards of sharded runs (<c>ravine run --cluster … --shards N</c>),
/// joining a cluster by development clustering: the first worker is the primary, the others name it with
/// <c>--primary</c>. It runs until Ctrl+C or SIGTERM.
/// </summary>
internal sealed class WorkerCommand(IAnsiConsole console, Interruption interruption) : Command<WorkerCommand.Settings>
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

        [CommandOption("--address <IP>")]
        [Description("The address this silo listens on and tells the others (default 127.0.0.1: this machine only; give the machine's address for a cluster of several machines).")]
        public string? Address { get; init; }

        [CommandOption("--threads <T>")]
        [Description("Threads each shard's evaluation may use (the result does not depend on it); default 1.")]
        [TypeConverter(typeof(ThreadsValue))]
        public int? Threads { get; init; }

        public override ValidationResult Validate() =>
            SiloPort is not (>= 1 and <= 65535) ? ValidationResult.Error("worker needs --silo-port P, a port in 1–65535.")
            : GatewayPort is not (>= 1 and <= 65535) ? ValidationResult.Error("worker needs --gateway-port G, a port in 1–65535.")
            : SiloPort == GatewayPort ? ValidationResult.Error("--silo-port and --gateway-port must differ.")
            : Address is not null && !IPAddress.TryParse(Address, out _) ? ValidationResult.Error($"--address takes an IP address, not '{Address}'.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var address = settings.Address is null ? IPAddress.Loopback : IPAddress.Parse(settings.Address);
        var primary = settings.Primary is null ? null : ShardHosting.ParseEndpoint(settings.Primary, "--primary");
        int threads = settings.Threads ?? 1;
        using var host = ShardHosting.CreateWorker(address, settings.SiloPort!.Value, settings.GatewayPort!.Value, primary, threads,
            logging: logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error));
        host.StartAsync(interruption.Token).GetAwaiter().GetResult();
        string role = primary is null ? "the primary" : $"joined the primary {primary}";
        console.MarkupLineInterpolated($"ravine worker: silo {address}:{settings.SiloPort} ({role}), gateway {address}:{settings.GatewayPort}, {threads} thread(s) per shard. Ctrl+C stops it.");
        try
        {
            Task.Delay(Timeout.Infinite, interruption.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: leave the cluster cleanly, so its shards move at once rather than after a failure is detected.
        }
        console.MarkupLineInterpolated($"ravine worker: stopping ({interruption.Cause ?? "stopped"}).");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        host.StopAsync(timeout.Token).GetAwaiter().GetResult();
        return 0;
    }
}
