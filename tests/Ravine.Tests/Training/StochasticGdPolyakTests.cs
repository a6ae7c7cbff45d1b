using Ravine.Training;

namespace Ravine.Tests.Training;

/// <summary>The stochastic GDPolyak's long steps: taken every K batches, kept only when the validation loss does not rise.</summary>
public class StochasticGdPolyakTests
{
    [Fact]
    public void Long_steps_come_every_K_batches_and_are_recorded_with_their_curvature()
    {
        var model = new SoftmaxRegression(7);
        var method = new StochasticGdPolyak(new SgdMomentum(0.05), period: 5, judgeExamples: 200);
        var result = new Trainer(model, method, new TrainerOptions { Epochs = 2, BatchSize = 60, Seed = 1 }).Train();
        Assert.Equal(4, result.LongSteps.Count);
        Assert.Equal([5L, 10, 15, 20], result.LongSteps.Select(s => s.Step));
        Assert.All(result.LongSteps, s => Assert.True(s.Curvature > 0 && s.Stepsize > 0));
        Assert.Equal(result.LongSteps.Count(s => s.Kept), result.Rows.Sum(r => r.LongSteps));
        Assert.Equal(result.LongSteps.Count(s => !s.Kept), result.Rows.Sum(r => r.RolledBack));
    }

    [Fact]
    public void A_long_step_that_raises_the_validation_loss_is_undone()
    {
        // f* far below any loss makes the Polyak step huge, so the validation loss rises and every long step is undone:
        // the run is then the short steps alone.
        var model = new SoftmaxRegression(7);
        var options = new TrainerOptions { Epochs = 1, BatchSize = 60, Seed = 1 };
        var polyak = new Trainer(model, new StochasticGdPolyak(new SgdMomentum(0.05), period: 5, judgeExamples: 200, optimalValue: -1e6), options).Train();
        var plain = new Trainer(model, new SgdMomentum(0.05), options).Train();
        Assert.All(polyak.LongSteps, s => Assert.False(s.Kept));
        Assert.Equal(2, polyak.LongSteps.Count);
        Assert.Equal(plain.X, polyak.X);
    }

    [Fact]
    public void The_scale_halves_after_each_rollback_down_to_its_floor()
    {
        var model = new SoftmaxRegression(7);
        var options = new TrainerOptions { Epochs = 1, BatchSize = 60, Seed = 1 };
        var twice = new StochasticGdPolyak(new SgdMomentum(0.05), period: 5, judgeExamples: 200, optimalValue: -1e6);
        new Trainer(model, twice, options).Train();
        Assert.Equal(0.25, twice.Scale);
        var often = new StochasticGdPolyak(new SgdMomentum(0.05), period: 1, judgeExamples: 200, optimalValue: -1e6);
        new Trainer(model, often, options).Train();
        Assert.Equal(StochasticGdPolyak.MinimumScale, often.Scale);
    }

    [Fact]
    public void Kept_long_steps_keep_the_full_Polyak_step()
    {
        var model = new SoftmaxRegression(7);
        var method = new StochasticGdPolyak(new SgdMomentum(0.05), period: 5, judgeExamples: 200);
        var result = new Trainer(model, method, new TrainerOptions { Epochs = 2, BatchSize = 60, Seed = 1 }).Train();
        Assert.Contains(result.LongSteps, s => s.Kept);
        Assert.Equal(result.LongSteps[^1].Kept ? 1 : 0.5, method.Scale);
    }
}
