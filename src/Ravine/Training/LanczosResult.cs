namespace Ravine.Training;

/// <summary>
/// The Ritz values of a Lanczos run and their Gauss quadrature weights: the squared first components of the
/// tridiagonal matrix's eigenvectors, which sum to 1. Over a random start vector, Σ weightᵢ·δ(λ − θᵢ) estimates the
/// spectral density (stochastic Lanczos quadrature).
/// </summary>
/// <param name="RitzValues">The eigenvalues of the Lanczos tridiagonal matrix, largest first.</param>
/// <param name="Weights">Each Ritz value's weight, in the same order.</param>
public sealed record LanczosResult(double[] RitzValues, double[] Weights);
