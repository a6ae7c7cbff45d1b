namespace Ravine.Training;

/// <summary>The ravine measured at one point on the fixed probe batch.</summary>
/// <param name="Epoch">The epoch whose end it was measured at (0: the initial point).</param>
/// <param name="Loss">f on the probe batch.</param>
/// <param name="GradientNorm">‖∇f‖ on the probe batch.</param>
/// <param name="Spectrum">The Hessian's spectrum from Lanczos, or null when only f and ‖∇f‖ were measured.</param>
public sealed record RavineProbeResult(int Epoch, double Loss, double GradientNorm, HessianSpectrum? Spectrum);

/// <summary>What Lanczos tells of a Hessian's spectrum.</summary>
/// <param name="TopEigenvalues">The largest Ritz values of the first start vector, largest first (they converge first).</param>
/// <param name="SmallestRitzValue">The smallest Ritz value over all start vectors (a negative one means negative curvature).</param>
/// <param name="FlatShare">The quadrature's share of the spectrum with |λ| ≤ the flat fraction of λ_max, averaged over start vectors.</param>
/// <param name="FlatDirections">FlatShare × the dimension: the estimated number of near-flat directions.</param>
/// <param name="FlatFraction">The fraction of λ_max below which an eigenvalue counts as flat.</param>
public sealed record HessianSpectrum(double[] TopEigenvalues, double SmallestRitzValue, double FlatShare, double FlatDirections, double FlatFraction);
