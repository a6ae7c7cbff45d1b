using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Orleans;
using Ravine.Problems;

namespace Ravine.Tests.Orleans;

/// <summary>The sharded objective in one process: the guarantees and the fault checks, without a cluster.</summary>
public class ShardedObjectiveTests
{
    private static readonly SensingShardData Published = SensingShardData.Seeded(ProblemRegistry.DefaultSeed);

    private static GdPolyak Method() => new(0.05, 300, 3, 0);

    [Fact]
    public void One_shard_gives_the_plain_problems_trace_bit_for_bit()
    {
        var plain = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);
        using var sharded = ShardedQuadraticSensing.InProcess(Published, 1);
        Assert.Equal(plain.Start, sharded.Start);
        Assert.Equal(plain.Title, sharded.Title);
        var expected = Minimizer.Minimize(plain, plain.Start, Method());
        var actual = Minimizer.Minimize(sharded, sharded.Start, Method());
        Assert.True(actual.Trace.NumericallyIdentical(expected.Trace));
    }

    [Fact]
    public void One_shard_of_more_than_a_row_block_gives_the_plain_oracle_bit_for_bit()
    {
        // m = 2,500 > RowBlock: the plain oracle adds three blocks, and so does the one shard.
        var plain = QuadraticSensing.Generate(7, dimension: 20, measurements: 2500);
        using var sharded = ShardedQuadraticSensing.InProcess(SensingShardData.Seeded(7, dimension: 20, measurements: 2500), 1);
        double[] x = plain.Start, expected = new double[plain.Dimension], actual = new double[plain.Dimension];
        Assert.Equal(plain.Evaluate(x, expected), sharded.Evaluate(x, actual));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Every_shard_count_gives_the_plain_trace_bit_for_bit(int shards)
    {
        var plain = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);
        using var sharded = ShardedQuadraticSensing.InProcess(Published, shards);
        var expected = Minimizer.Minimize(plain, plain.Start, Method());
        Assert.True(Minimizer.Minimize(sharded, sharded.Start, Method()).Trace.NumericallyIdentical(expected.Trace));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Every_shard_count_of_many_blocks_gives_the_plain_oracle_bit_for_bit(int shards)
    {
        // m = 7,000: seven blocks, the last one short, so the shards hold one to seven blocks each; several threads per
        // shard, as the plain oracle may use, change nothing either.
        var plain = QuadraticSensing.Generate(3, dimension: 24, measurements: 7000);
        using var sharded = ShardedQuadraticSensing.InProcess(SensingShardData.Seeded(3, dimension: 24, measurements: 7000), shards, threads: 2);
        Assert.Equal(Math.Min(shards, 7), sharded.ShardCount);
        var rng = new Ravine.Randomness.Xoshiro256StarStar(5);
        double[] x = rng.NextGaussians(plain.Dimension), expected = new double[plain.Dimension], actual = new double[plain.Dimension];
        Assert.Equal(BitConverter.DoubleToInt64Bits(plain.Evaluate(x, expected)), BitConverter.DoubleToInt64Bits(sharded.Evaluate(x, actual)));
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void The_same_partition_gives_the_same_bits_whatever_the_threads_per_shard()
    {
        var data = SensingShardData.Seeded(11, dimension: 16, measurements: 5000);
        using var one = ShardedQuadraticSensing.InProcess(data, 2, threads: 1);
        using var four = ShardedQuadraticSensing.InProcess(data, 2, threads: 4);
        double[] x = one.Start, a = new double[one.Dimension], b = new double[one.Dimension];
        Assert.Equal(one.Evaluate(x, a), four.Evaluate(x, b));
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_partition_is_of_whole_blocks_contiguous_in_row_order_and_as_even_as_can_be()
    {
        var parts = SensingShardData.Seeded(ProblemRegistry.DefaultSeed, dimension: 4, measurements: 5000).Split(3);
        Assert.Equal([(0, 2048), (2048, 4096), (4096, 5000)], parts.Select(p => (p.RowStart, p.RowEnd)));
        Assert.Equal([0, 1, 2], parts.Select(p => p.Shard));
        Assert.All(parts, p => Assert.Equal(p.Shard, SensingShardData.ShardOfKey(p.Key)));
        Assert.Equal(3, parts.Select(p => p.Key).Distinct().Count());
        // One block, the published m = 1,000: one shard, however many are asked for.
        Assert.Equal([(0, 1000)], Published.Split(7).Select(p => (p.RowStart, p.RowEnd)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Published.Split(0));
    }

    private sealed class FakeShard(int rows, Func<double[], ShardPartial> answer, string? description = null) : IObjectiveShard
    {
        public string Description => description ?? $"the {rows} fake rows";
        public int Rows => rows;
        public Task<ShardPartial> EvaluateAsync(double[] x) => Task.Run(() => answer(x));
    }

    private static FakeShard Healthy(int rows = 10) => new(rows, x => new ShardPartial(1, new double[x.Length], rows));

    [Fact]
    public void A_shard_that_returns_NaN_at_a_finite_point_is_an_error_naming_it()
    {
        var objective = new ShardedObjective([Healthy(), new FakeShard(10, x => new ShardPartial(double.NaN, new double[x.Length], 10)), Healthy()], 3);
        var e = Assert.Throws<ShardException>(() => objective.Evaluate([1, 2, 3], new double[3]));
        Assert.Equal(1, e.Shard);
        Assert.StartsWith("shard 2 of 3 (the 10 fake rows) returned NaN", e.Message);
    }

    [Fact]
    public void A_shard_whose_gradient_holds_NaN_is_an_error_naming_it()
    {
        var objective = new ShardedObjective([new FakeShard(10, x => new ShardPartial(1, [0, double.NaN, 0], 10)), Healthy()], 3);
        var e = Assert.Throws<ShardException>(() => objective.Evaluate([1, 2, 3], new double[3]));
        Assert.Equal(0, e.Shard);
        Assert.Contains("an entry of the gradient", e.Message);
    }

    [Fact]
    public void Infinity_passes_through_as_in_a_local_run()
    {
        var objective = new ShardedObjective([new FakeShard(10, x => new ShardPartial(double.PositiveInfinity, new double[x.Length], 10)), Healthy()], 3);
        Assert.Equal(double.PositiveInfinity, objective.Evaluate([1, 2, 3], new double[3]));
    }

    [Fact]
    public void A_shard_with_a_wrongly_shaped_gradient_is_an_error_naming_it()
    {
        var objective = new ShardedObjective([Healthy(), Healthy(), new FakeShard(10, _ => new ShardPartial(1, new double[4], 10))], 3);
        var e = Assert.Throws<ShardException>(() => objective.Evaluate([1, 2, 3], new double[3]));
        Assert.Equal(2, e.Shard);
        Assert.Contains("shard 3 of 3 (the 10 fake rows) returned gradients of length 4, expected 1·3 for its 1 block(s)", e.Message);
    }

    [Fact]
    public void A_shard_that_answers_for_other_rows_is_an_error_naming_it()
    {
        var objective = new ShardedObjective([Healthy(), new FakeShard(10, x => new ShardPartial(1, new double[x.Length], 11))], 3);
        var e = Assert.Throws<ShardException>(() => objective.Evaluate([1, 2, 3], new double[3]));
        Assert.Contains("answered for 11 rows, but holds 10", e.Message);
    }

    [Fact]
    public void A_failing_shard_is_named_in_shard_order_and_ends_a_run_with_its_partial_result()
    {
        var problem = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed, dimension: 20, measurements: 3000);
        var parts = SensingShardData.Seeded(ProblemRegistry.DefaultSeed, dimension: 20, measurements: 3000).Split(3);
        int calls = 0;
        IObjectiveShard Shard(int s) => new FakeShard(parts[s].Rows, x =>
        {
            if (s == 1 && Interlocked.Increment(ref calls) == 5) throw new TimeoutException("no answer in 10 minutes");
            return ShardPartial.Of(parts[s].Load(), x);
        }, parts[s].Description);
        var objective = new ShardedObjective([Shard(0), Shard(1), Shard(2)], problem.Dimension, gradientFactor: 4);
        var e = Assert.Throws<ObjectiveException>(() => Minimizer.Minimize(objective, problem.Start, Method()));
        var shard = Assert.IsType<ShardException>(e.InnerException);
        Assert.Equal(1, shard.Shard);
        Assert.Contains("shard 2 of 3 (rows 1024–2047 of the seed-3407 instance) failed: TimeoutException: no answer in 10 minutes", e.Message);
        Assert.Equal(4, e.PartialResult!.Trace.Count);
    }
}
