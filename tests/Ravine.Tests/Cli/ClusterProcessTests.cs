using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;

namespace Ravine.Tests.Cli;

/// <summary>
/// README's three commands as processes: two <c>ravine worker</c> silos on loopback ports that were free, and a
/// <c>ravine run --cluster</c> that completes on them with the single-process trace.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public class ClusterProcessTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public void Two_workers_and_a_cluster_run_complete_a_run_with_the_single_process_trace()
    {
        int[] ports = ShardHosting.FreeLoopbackPorts(4);
        string output = Path.Combine(Path.GetTempPath(), "ravine-cluster-" + Guid.NewGuid().ToString("N"));
        string silo = ports[0].ToString(CultureInfo.InvariantCulture);
        using var primary = new CliChild("worker", "--silo-port", silo, "--gateway-port", ports[1].ToString(CultureInfo.InvariantCulture));
        primary.WaitUntil(() => primary.Output.Contains("ravine worker: silo"), "the primary worker's start");
        // Orleans binds its ports for reuse: a second worker on the primary's gateway port would share it, not fail.
        using (var clash = new CliChild("worker", "--silo-port", ports[2].ToString(CultureInfo.InvariantCulture), "--gateway-port", ports[1].ToString(CultureInfo.InvariantCulture)))
        {
            Assert.Equal(2, clash.WaitForExit());
            Assert.StartsWith($"ravine: --gateway-port {ports[1]}: 127.0.0.1:{ports[1]} is in use", clash.Error, StringComparison.Ordinal);
        }
        using var second = new CliChild("worker", "--silo-port", ports[2].ToString(CultureInfo.InvariantCulture), "--gateway-port", ports[3].ToString(CultureInfo.InvariantCulture),
            "--primary", $"127.0.0.1:{silo}");
        second.WaitUntil(() => second.Output.Contains("ravine worker: silo"), "the second worker's start");
        try
        {
            using var run = new CliChild("run", "--cluster", $"127.0.0.1:{ports[1]},127.0.0.1:{ports[3]}", "--shards", "2",
                "--problem", "quadratic-sensing", "--method", "gdpolyak", "--epochs", "2", "--out", output);
            int code = run.WaitForExit();
            log.WriteLine(run.Output + run.Error);
            Assert.Equal(0, code);
            Assert.Contains("Completed 2 epochs.", run.Output);

            using var local = ShardedQuadraticSensing.InProcess(SensingShardData.Seeded(ProblemRegistry.DefaultSeed), 2);
            var reference = Minimizer.Minimize(local, local.Start, new GdPolyak(0.05, 300, 2, 0));
            var lines = File.ReadAllLines(Path.Combine(output, "quadratic-sensing", "gdpolyak.csv"));
            int f = Array.IndexOf(lines[0].Split(','), "f");
            var values = lines.Skip(1).Select(line => double.Parse(line.Split(',')[f], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(reference.Trace.Value.ToArray().Select(BitConverter.DoubleToInt64Bits), values.Select(BitConverter.DoubleToInt64Bits));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
        second.Signal(CliChild.SigTerm);
        Assert.Equal(0, second.WaitForExit());
        // A worker says that it stops, not what a run would do.
        Assert.Contains("ravine: SIGTERM: leaving the cluster and stopping the worker", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("writing what ran", second.Error, StringComparison.Ordinal);
        Assert.Contains("ravine worker: stopped (SIGTERM); it left the cluster.", second.Output, StringComparison.Ordinal);
        primary.Signal(CliChild.SigTerm);
        Assert.Equal(0, primary.WaitForExit());
    }
}
