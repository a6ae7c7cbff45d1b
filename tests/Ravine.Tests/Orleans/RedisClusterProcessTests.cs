using System.Globalization;
using Ravine.Cli.Experiments;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Tests.Cli;
using Xunit.Abstractions;

namespace Ravine.Tests.Orleans;

/// <summary>
/// <c>ravine worker --membership redis://…</c> processes and a sharded <c>ravine run</c> on them: workers killed with
/// SIGKILL mid-run have their shards moved and the run ends with exit 0 and the undisturbed trace, bit for bit; a Redis
/// that is down at start, or stops answering mid-run, is said in one line (and the run resumes once it answers).
/// </summary>
[Collection(ChildProcessCollection.Name)]
public class RedisClusterProcessTests(ITestOutputHelper log)
{
    // Three blocks of 1,024 rows, a shard each, and a run of a few thousand calls: seconds on loopback.
    private const string Size = "d=20,r=2,k=4,m=3000";
    private const int Epochs = 2;

    private static string[] Run(RedisMembership membership, string output, params string[] more) =>
        ["run", "--membership", membership.ToString(), "--shards", "3", "--problem", "quadratic-sensing", "--size", Size, "--method", "gdpolyak",
            "--epochs", Epochs.ToString(CultureInfo.InvariantCulture), "--checkpoint-every", "100", "--out", output, .. more];

    private static CliChild[] StartWorkers(RedisMembership membership, int count)
    {
        int[] ports = ShardHosting.FreeLoopbackPorts(2 * count);
        // A joining silo waits for the others to answer it; the machine may be busy with other tests.
        var workers = Enumerable.Range(0, count).Select(i => new CliChild("worker", "--membership", membership.ToString(), "--connect-timeout", "60",
            "--silo-port", ports[2 * i].ToString(CultureInfo.InvariantCulture), "--gateway-port", ports[2 * i + 1].ToString(CultureInfo.InvariantCulture))).ToArray();
        try
        {
            foreach (var worker in workers) worker.WaitUntil(() => worker.Output.Contains("ravine worker: silo"), "a worker's start");
        }
        catch
        {
            // A worker that did not start fails the test; the others must not outlive it.
            foreach (var worker in workers) worker.Dispose();
            throw;
        }
        return workers;
    }

    /// <summary>The iteration of the run's latest checkpoint, or -1 before the first.</summary>
    private static long CheckpointIteration(string output)
    {
        string path = Path.Combine(output, "checkpoint.json");
        try
        {
            return File.Exists(path) ? RunCheckpointFile.Read(path).Checkpoint.Iteration : -1;
        }
        catch (Exception e) when (e is IOException or FormatException or System.Text.Json.JsonException)
        {
            return -1;
        }
    }

    /// <summary>The trace the run writes, checked bit for bit against the same run in this process, undisturbed.</summary>
    private static void AssertUndisturbedTrace(string output)
    {
        using var local = ShardedQuadraticSensing.InProcess(SensingShardData.SeededAt(Ravine.Problems.ProblemRegistry.DefaultSeed, 20, 2, 4, 3000), 3);
        var reference = Minimizer.Minimize(local, local.Start, new GdPolyak(0.05, 300, Epochs, 0));
        var lines = File.ReadAllLines(Path.Combine(output, "quadratic-sensing", "gdpolyak.csv"));
        string[] header = lines[0].Split(',');
        int f = Array.IndexOf(header, "f"), step = Array.IndexOf(header, "stepsize");
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(reference.Trace.Count, rows.Length);
        Assert.Equal(reference.Trace.Value.ToArray().Select(BitConverter.DoubleToInt64Bits), rows.Select(r => BitConverter.DoubleToInt64Bits(double.Parse(r[f], CultureInfo.InvariantCulture))));
        Assert.Equal(reference.Trace.Stepsize.ToArray().Select(BitConverter.DoubleToInt64Bits), rows.Select(r => BitConverter.DoubleToInt64Bits(double.Parse(r[step], CultureInfo.InvariantCulture))));
    }

    private void KillDuringRun(int[] victims)
    {
        using var redis = RedisServer.Start();
        var workers = StartWorkers(redis.Membership, 3);
        string output = Path.Combine(Path.GetTempPath(), "ravine-redis-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var run = new CliChild(Run(redis.Membership, output));
            long last = -1;
            foreach (int victim in victims)
            {
                // Each kill after a checkpoint the run wrote since the previous one: the shards have moved, and it went on.
                long after = last;
                run.WaitUntil(() => CheckpointIteration(output) > after, "a checkpoint");
                last = CheckpointIteration(output);
                workers[victim].Process.Kill();
                log.WriteLine($"killed worker {victim} after iteration {last} ({clock.Elapsed.TotalSeconds:F1} s)");
            }
            int code = run.WaitForExit();
            log.WriteLine($"exit {code} after {clock.Elapsed.TotalSeconds:F1} s\n{run.Output}{run.Error}");
            Assert.Equal(0, code);
            Assert.Contains($"Completed {Epochs} epochs.", run.Output);
            AssertUndisturbedTrace(output);
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [FactNeedsRedis]
    public void A_worker_killed_mid_run_has_its_shard_moved_and_the_run_ends_with_the_undisturbed_trace() => KillDuringRun([2]);

    [FactNeedsRedis]
    public void The_first_worker_and_then_a_second_killed_mid_run_leave_the_run_its_undisturbed_trace() => KillDuringRun([0, 1]);

    [Fact]
    public void A_redis_that_is_down_at_start_is_exit_2_with_one_line_naming_it()
    {
        // A port where nothing listens.
        var down = new RedisMembership("127.0.0.1", ShardHosting.FreeLoopbackPorts(1)[0]);
        int[] ports = ShardHosting.FreeLoopbackPorts(2);
        using (var worker = new CliChild("worker", "--membership", down.ToString(), "--silo-port", ports[0].ToString(CultureInfo.InvariantCulture),
            "--gateway-port", ports[1].ToString(CultureInfo.InvariantCulture)))
        {
            Assert.Equal(2, worker.WaitForExit());
            string line = Assert.Single(worker.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"ravine: the cluster's membership store Redis at {down} does not answer", line, StringComparison.Ordinal);
        }
        string output = Path.Combine(Path.GetTempPath(), "ravine-redis-" + Guid.NewGuid().ToString("N"));
        using var run = new CliChild(Run(down, output));
        Assert.Equal(2, run.WaitForExit());
        string said = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"ravine: the cluster's membership store Redis at {down} does not answer", said, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "quadratic-sensing")));
    }

    [FactNeedsRedis(ownServer: true)]
    public void A_redis_that_stops_answering_mid_run_stops_it_at_a_checkpoint_that_resumes_to_the_undisturbed_trace()
    {
        using var redis = RedisServer.Start(own: true);
        var workers = StartWorkers(redis.Membership, 2);
        string output = Path.Combine(Path.GetTempPath(), "ravine-redis-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var run = new CliChild(Run(redis.Membership, output)))
            {
                run.WaitUntil(() => CheckpointIteration(output) >= 0, "a checkpoint");
                redis.Pause(true);
                int code = run.WaitForExit();
                redis.Pause(false);
                log.WriteLine($"exit {code}\n{run.Output}{run.Error}");
                Assert.NotEqual(0, code);
                Assert.Contains($"the cluster's membership store Redis at {redis.Membership} does not answer", run.Output + run.Error, StringComparison.Ordinal);
                Assert.Contains("continues the run once the cluster's Redis answers again: ravine run --resume", run.Output, StringComparison.Ordinal);
            }
            using var resumed = new CliChild("run", "--resume", output);
            int again = resumed.WaitForExit();
            log.WriteLine($"resumed: exit {again}\n{resumed.Output}{resumed.Error}");
            Assert.Equal(0, again);
            AssertUndisturbedTrace(output);
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
