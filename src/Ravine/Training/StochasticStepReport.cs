namespace Ravine.Training;

/// <summary>What one stochastic step did.</summary>
/// <param name="Kind">A plain mini-batch step, or one followed by a long step kept or rolled back.</param>
/// <param name="Stepsize">The mini-batch step's stepsize (for per-coordinate methods, the scalar learning rate after bias correction).</param>
/// <param name="LongStepsize">The long step's stepsize t, or NaN without one.</param>
/// <param name="Curvature">vᵀ∇²f v/‖v‖² along the long step's direction v on its judge batch, or NaN when not measured.</param>
public readonly record struct StochasticStepReport(StochasticStepKind Kind, double Stepsize, double LongStepsize = double.NaN, double Curvature = double.NaN)
{
    /// <summary>A plain mini-batch step of stepsize <paramref name="stepsize"/>.</summary>
    public static StochasticStepReport Short(double stepsize) => new(StochasticStepKind.Short, stepsize);
}
