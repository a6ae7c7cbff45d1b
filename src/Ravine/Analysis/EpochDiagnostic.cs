namespace Ravine.Analysis;

/// <summary>
/// The ravine diagnostics of one epoch that ended with a long step (see docs/DIAGNOSTICS.md): NaN where the epoch's
/// window held too few usable epochs, or (the share) where it was not observed.
/// </summary>
/// <param name="Epoch">The epoch's number (1 = the first; skipped and rolled-back long steps end epochs too).</param>
/// <param name="Row">The trace row of the long step (its iteration).</param>
/// <param name="GrowthOrder">The estimated p in f − f* ~ dist^p over the last epochs.</param>
/// <param name="Contraction">The estimated factor by which the distance shrinks per epoch over the last epochs.</param>
/// <param name="GradientShare">The share of ‖∇f‖² after the long step along that step's direction.</param>
/// <param name="FromDistance">True when the estimates used the distance to the solutions, false when they used the long steps and gaps.</param>
/// <param name="Samples">How many epochs the estimates were fitted to (at most <see cref="RavineDiagnostics.Window"/>).</param>
/// <param name="FitQuality">R² of the growth order's least-squares fit in log space (1: the samples lie on a line); NaN without an estimate.</param>
public sealed record EpochDiagnostic(int Epoch, int Row, double GrowthOrder, double Contraction, double GradientShare, bool FromDistance, int Samples = 0, double FitQuality = double.NaN);
