using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ravine.Orleans;

namespace Ravine.Tests.Cli;

/// <summary>
/// Mistakes in starting a cluster, as processes on loopback ports: a run whose gateway is absent, a worker whose
/// primary is absent or whose port is taken. Each gives one line on stderr and an exit code, within the bounded wait
/// that <c>--connect-timeout</c> sets (kept short here), never a hang or Orleans' stack traces.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public class ClusterMistakeProcessTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Nothing of Orleans' log (its level tags, its stack traces) reached the console.</summary>
    private static void AssertNoFrameworkLog(CliChild child)
    {
        foreach (string text in new[] { child.Output, child.Error })
        {
            Assert.DoesNotContain("  at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("warn:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_run_on_a_cluster_nobody_serves_exits_2_naming_the_gateway_after_the_connect_timeout()
    {
        int port = ShardHosting.FreeLoopbackPorts(1)[0];
        string output = Path.Combine(Path.GetTempPath(), "ravine-nocluster-" + Guid.NewGuid().ToString("N"));
        using var run = new CliChild("run", "--cluster", $"127.0.0.1:{port}", "--shards", "2", "--problem", "quadratic-sensing", "--method", "gdpolyak",
            "--connect-timeout", "1", "--out", output);
        int code = run.WaitForExit();
        log.WriteLine(run.Output + run.Error);
        Assert.Equal(2, code);
        var lines = Lines(run.Error);
        Assert.Equal(2, lines.Length);
        Assert.Equal($"ravine: connecting to the cluster at 127.0.0.1:{port} (waiting up to 1 s; --connect-timeout sets it)", lines[0]);
        Assert.StartsWith($"ravine: no answer from the gateway 127.0.0.1:{port} within 1 s: start the cluster's workers first", lines[1], StringComparison.Ordinal);
        Assert.Empty(run.Output.Trim());
        Assert.False(Directory.Exists(output), "nothing ran, so no output folder");
    }

    [Theory]
    [InlineData(CliChild.SigInt, 130, "SIGINT")]
    [InlineData(CliChild.SigTerm, 143, "SIGTERM")]
    public void A_signal_while_connecting_exits_130_or_143_with_clean_lines(int signal, int expected, string name)
    {
        int port = ShardHosting.FreeLoopbackPorts(1)[0];
        using var run = new CliChild("run", "--cluster", $"127.0.0.1:{port}", "--shards", "2", "--problem", "quadratic-sensing", "--method", "gdpolyak",
            "--connect-timeout", "600", "--out", Path.Combine(Path.GetTempPath(), "ravine-nocluster-" + Guid.NewGuid().ToString("N")));
        run.WaitUntil(() => run.Error.Contains("connecting to the cluster", StringComparison.Ordinal), "the wait for the gateway");
        run.Signal(signal);
        int code = run.WaitForExit();
        log.WriteLine(run.Output + run.Error);
        Assert.Equal(expected, code);
        Assert.Equal(
            [
                $"ravine: connecting to the cluster at 127.0.0.1:{port} (waiting up to 600 s; --connect-timeout sets it)",
                $"ravine: {name}: giving up the connection to the cluster (Ctrl+C again quits at once)",
                $"ravine: stopped ({name}) while connecting to the cluster; nothing ran.",
            ], Lines(run.Error));
    }

    [Fact]
    public void A_worker_whose_primary_is_absent_exits_2_naming_it_in_one_line_and_logs_orleans_to_the_log_file()
    {
        int[] ports = ShardHosting.FreeLoopbackPorts(3);
        string logFile = Path.Combine(Path.GetTempPath(), "ravine-worker-" + Guid.NewGuid().ToString("N") + ".log");
        try
        {
            using var worker = new CliChild("worker", "--silo-port", Text(ports[0]), "--gateway-port", Text(ports[1]), "--primary", $"127.0.0.1:{ports[2]}",
                "--connect-timeout", "1", "--log", logFile);
            int code = worker.WaitForExit();
            log.WriteLine(worker.Output + worker.Error);
            Assert.Equal(2, code);
            var lines = Lines(worker.Error);
            Assert.Equal(2, lines.Length);
            Assert.Equal($"ravine worker: joining the primary 127.0.0.1:{ports[2]} (waiting up to 1 s; --connect-timeout sets it)", lines[0]);
            Assert.StartsWith($"ravine: no answer from the primary 127.0.0.1:{ports[2]} within 1 s: start the primary worker first", lines[1], StringComparison.Ordinal);
            Assert.Empty(worker.Output.Trim());
            AssertNoFrameworkLog(worker);
            // Orleans' own log went to the file instead.
            Assert.Contains(" Orleans.", File.ReadAllText(logFile), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    [Fact]
    public void A_signal_while_a_worker_waits_for_its_absent_primary_exits_130_with_clean_lines()
    {
        int[] ports = ShardHosting.FreeLoopbackPorts(3);
        string logFile = Path.Combine(Path.GetTempPath(), "ravine-worker-" + Guid.NewGuid().ToString("N") + ".log");
        try
        {
            using var worker = new CliChild("worker", "--silo-port", Text(ports[0]), "--gateway-port", Text(ports[1]), "--primary", $"127.0.0.1:{ports[2]}",
                "--connect-timeout", "600", "--log", logFile);
            worker.WaitUntil(() => worker.Error.Contains("joining the primary", StringComparison.Ordinal), "the wait for the primary");
            worker.Signal(CliChild.SigInt);
            int code = worker.WaitForExit();
            log.WriteLine(worker.Output + worker.Error);
            Assert.Equal(130, code);
            Assert.Equal(
                [
                    $"ravine worker: joining the primary 127.0.0.1:{ports[2]} (waiting up to 600 s; --connect-timeout sets it)",
                    "ravine: SIGINT: giving up joining the primary and stopping the worker (Ctrl+C again quits at once)",
                    "ravine worker: stopped (SIGINT) before the silo started.",
                ], Lines(worker.Error));
            Assert.Empty(worker.Output.Trim());
            AssertNoFrameworkLog(worker);
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    [Fact]
    public void A_worker_on_a_port_another_program_listens_on_exits_2_naming_the_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        int other = ShardHosting.FreeLoopbackPorts(1)[0];
        using var worker = new CliChild("worker", "--silo-port", Text(port), "--gateway-port", Text(other));
        int code = worker.WaitForExit();
        log.WriteLine(worker.Output + worker.Error);
        Assert.Equal(2, code);
        Assert.Equal([$"ravine: --silo-port {port}: 127.0.0.1:{port} is in use (another worker, or another program, listens there); choose a free port."], Lines(worker.Error));
        AssertNoFrameworkLog(worker);
    }
}
