using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;
using Ravine.Tests.Cli;
using Ravine.Tests.IO;

namespace Ravine.Tests.Orleans;

/// <summary>Sharded runs of the block-seeded instance (<c>run --shards N --size …</c>): each shard draws only its own rows.</summary>
public class BlockSeededShardTests
{
    // d = 12, r = 2, k = 3, m = 2,500: three row blocks, so the shards' rows come from inside and across blocks.
    private static readonly Dictionary<string, int> Sizes = new() { ["d"] = 12, ["r"] = 2, ["k"] = 3, ["m"] = 2500 };
    private const ulong Seed = 21;

    private static QuadraticSensing Local() => (QuadraticSensing)ProblemRegistry.Find("quadratic-sensing").GenerateAt(Seed, "d=12,r=2,k=3,m=2500");

    private static SensingShardData Data() => SensingShardData.SeededAt(Seed, Sizes["d"], Sizes["r"], Sizes["k"], Sizes["m"]);

    [Fact]
    public void One_shard_gives_the_local_run_size_instances_trace_bit_for_bit()
    {
        var local = Local();
        using var sharded = ShardedQuadraticSensing.InProcess(Data(), 1);
        Assert.Equal(local.Start, sharded.Start);
        var method = new GdPolyak(0.05, 50, 4, 0);
        Assert.True(Minimizer.Minimize(sharded, sharded.Start, method).Trace.NumericallyIdentical(Minimizer.Minimize(local, local.Start, method).Trace));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Each_shard_draws_exactly_its_rows_of_the_local_instance(int shards)
    {
        var local = Local();
        var parts = Data().Split(shards);
        var rng = new Ravine.Randomness.Xoshiro256StarStar(3);
        double[] x = rng.NextGaussians(local.Dimension);
        foreach (var part in parts)
        {
            // The shard's own f is the mean over its rows; the same rows cut from the local instance give the same bits.
            var shard = part.Load();
            var rows = new QuadraticSensing(part.Rows, Sizes["d"], Sizes["k"],
                local.A.AsSpan(part.RowStart * Sizes["d"], part.Rows * Sizes["d"]).ToArray(), local.B.AsSpan(part.RowStart * Sizes["d"], part.Rows * Sizes["d"]).ToArray(),
                local.Y.AsSpan(part.RowStart, part.Rows).ToArray(), start: new double[local.Dimension]);
            double[] expected = new double[local.Dimension], actual = new double[local.Dimension];
            Assert.Equal(rows.Evaluate(x, expected), shard.Evaluate(x, actual));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void The_coordinator_describes_the_local_instances_truth_and_start()
    {
        var local = Local();
        var described = Data().Describe();
        Assert.Equal(local.Start, described.Start);
        Assert.Equal(local.Truth, described.Truth);
        Assert.Equal(2, described.TruthWidth);
        Assert.Null(described.HeldOut);
    }

    [Fact]
    public void Its_keys_differ_from_the_published_generators_at_the_same_sizes()
    {
        var published = SensingShardData.Seeded(Seed, 12, 2, 3, 2500);
        Assert.NotEqual(published.Key, Data().Key);
        Assert.Contains("block-seeded", Data().Description);
    }

    [Fact]
    public void Run_with_shards_and_size_agrees_with_the_local_run_to_rounding()
    {
        using var folder = new ScratchFolder();
        string[] common = ["--problem", "quadratic-sensing", "--size", "d=12,r=2,k=3,m=2500", "--seed", "21", "--method", "gdpolyak", "--eta", "0.05", "-K", "50", "--epochs", "3"];
        var (code, _, error) = CliRunner.Run(["run", .. common, "--out", folder.File("local")]);
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run(["run", .. common, "--shards", "3", "--out", folder.File("sharded")]);
        Assert.True(code == 0, error);
        double[] Values(string run) => File.ReadLines(Path.Combine(folder.File(run), "quadratic-sensing", "gdpolyak.csv")).Skip(1)
            .Select(line => double.Parse(line.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double[] local = Values("local"), sharded = Values("sharded");
        Assert.Equal(local.Length, sharded.Length);
        Assert.All(local.Zip(sharded), p => Assert.Equal(p.First, p.Second, Math.Abs(p.First) * 1e-9 + 1e-300));
    }

    [Fact]
    public void The_fewest_shards_are_the_fewest_whose_largest_shard_fits()
    {
        // d = 3,000: 89,478 rows fit in 2^28 entries. 268,435 rows are 3·2^28 entries and a little less, but three shards
        // of them would be 89,479 rows each: four are needed.
        var data = SensingShardData.SeededAt(1, dimension: 3000, rank: 2, width: 4, measurements: 268_435);
        Assert.Equal(4, data.FewestShards);
        Assert.All(data.Split(4), shard => Assert.True((long)shard.Rows * 3000 <= SensingShardData.MaxShardEntries));
        Assert.Contains(data.Split(3), shard => (long)shard.Rows * 3000 > SensingShardData.MaxShardEntries);
        Assert.Equal(1, SensingShardData.Seeded(1).FewestShards);
    }

    [Fact]
    public void A_shard_too_large_for_memory_is_refused_with_the_fewest_shards_that_fit()
    {
        // m·d = 2^29: two shards of 2^28 entries each fit, one does not. Refused before anything is generated.
        var (code, _, error) = CliRunner.Run("run", "--problem", "quadratic-sensing", "--size", "d=1024,m=524288", "--shards", "1", "--out", Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid()));
        Assert.Equal(2, code);
        Assert.Contains("needs at least 2 shards", error);
    }

    [Fact]
    public void A_rank_above_the_width_is_refused_as_in_a_local_run()
    {
        var (code, _, error) = CliRunner.Run("run", "--problem", "quadratic-sensing", "--size", "r=5,k=4", "--shards", "2", "--out", Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid()));
        Assert.Equal(2, code);
        Assert.Contains("r = 5 exceeds k = 4", error);
    }
}
