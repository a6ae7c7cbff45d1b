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
    [InlineData(8)]
    public void Another_partition_agrees_with_the_plain_oracle_to_rounding(int shards)
    {
        var plain = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);
        using var sharded = ShardedQuadraticSensing.InProcess(Published, shards);
        var rng = new Ravine.Randomness.Xoshiro256StarStar(5);
        double[] x = rng.NextGaussians(plain.Dimension), expected = new double[plain.Dimension], actual = new double[plain.Dimension];
        double f = plain.Evaluate(x, expected);
        Assert.Equal(f, sharded.Evaluate(x, actual), f * 1e-13);
        double scale = Math.Sqrt(expected.Sum(v => v * v));
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, scale * 1e-13));
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
    public void The_partition_is_contiguous_in_row_order_and_as_even_as_can_be()
    {
        var parts = Published.Split(3);
        Assert.Equal([(0, 334), (334, 667), (667, 1000)], parts.Select(p => (p.RowStart, p.RowEnd)));
        Assert.Equal([0, 1, 2], parts.Select(p => p.Shard));
        Assert.All(parts, p => Assert.Equal(p.Shard, SensingShardData.ShardOfKey(p.Key)));
        Assert.Equal(3, parts.Select(p => p.Key).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => Published.Split(1001));
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
        Assert.Contains("shard 3 of 3 (the 10 fake rows) returned a gradient of length 4, expected 3", e.Message);
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
        var problem = QuadraticSensing.Generate(ProblemRegistry.DefaultSeed);
        var parts = Published.Split(3);
        int calls = 0;
        IObjectiveShard Shard(int s) => new FakeShard(parts[s].Rows, x =>
        {
            if (s == 1 && Interlocked.Increment(ref calls) == 5) throw new TimeoutException("no answer in 10 minutes");
            var rows = parts[s].Load();
            var g = new double[x.Length];
            return new ShardPartial(rows.Evaluate(x, g), g, parts[s].Rows);
        }, parts[s].Description);
        var objective = new ShardedObjective([Shard(0), Shard(1), Shard(2)], problem.Dimension);
        var e = Assert.Throws<ObjectiveException>(() => Minimizer.Minimize(objective, problem.Start, Method()));
        var shard = Assert.IsType<ShardException>(e.InnerException);
        Assert.Equal(1, shard.Shard);
        Assert.Contains("shard 2 of 3 (rows 334–666 of the seed-3407 instance) failed: TimeoutException: no answer in 10 minutes", e.Message);
        Assert.Equal(4, e.PartialResult!.Trace.Count);
    }
}
