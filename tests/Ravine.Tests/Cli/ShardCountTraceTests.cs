using Ravine.Tests.IO;

namespace Ravine.Tests.Cli;

/// <summary>
/// <c>ravine run --shards N</c> writes the plain run's trace whatever N: the shards hold whole row blocks and their
/// block sums are added in the single-process order, so the first eight columns (all but the clock and what follows)
/// are the same bytes.
/// </summary>
public class ShardCountTraceTests
{
    private static string[] Columns(string folder, string method) =>
        [.. File.ReadAllLines(Path.Combine(folder, "quadratic-sensing", method + ".csv")).Select(line => string.Join(',', line.Split(',').Take(8)))];

    private static string[] Trace(string[] run, string method, string? shards)
    {
        using var folder = new ScratchFolder();
        string[] args = shards is null ? [.. run, "--out", folder.Root] : [.. run, "--shards", shards, "--out", folder.Root];
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        return Columns(folder.Root, method);
    }

    [Fact]
    public void The_published_instance_gives_the_local_trace_on_every_shard_count()
    {
        string[] run = ["run", "--problem", "quadratic-sensing", "--method", "gdpolyak", "--epochs", "2"];
        var local = Trace(run, "gdpolyak", null);
        Assert.True(local.Length > 600);
        foreach (string shards in new[] { "1", "2", "3", "4", "7" })
            Assert.Equal(local, Trace(run, "gdpolyak", shards));
    }

    [Fact]
    public void A_hundred_thousand_measurements_give_the_local_trace_on_every_shard_count()
    {
        // m = 10⁵: 98 blocks, spread over up to seven shards; d is small so the test stays short.
        string[] run = ["run", "--problem", "quadratic-sensing", "--size", "d=10,r=2,k=4,m=100000", "--method", "polyak", "--max-iters", "40"];
        var local = Trace(run, "polyak", null);
        Assert.Equal(42, local.Length);
        foreach (string shards in new[] { "1", "2", "3", "4", "7" })
            Assert.Equal(local, Trace(run, "polyak", shards));
    }
}
