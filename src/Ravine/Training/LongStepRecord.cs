namespace Ravine.Training;

/// <summary>One long step of a run.</summary>
/// <param name="Epoch">The epoch it was taken in (1-based).</param>
/// <param name="Step">The mini-batch steps before it.</param>
/// <param name="Kept">Whether it was kept (false: rolled back).</param>
/// <param name="Stepsize">Its stepsize t.</param>
/// <param name="Curvature">vᵀ∇²f v/‖v‖² along its direction on its judge batch, or NaN.</param>
public sealed record LongStepRecord(int Epoch, long Step, bool Kept, double Stepsize, double Curvature);
