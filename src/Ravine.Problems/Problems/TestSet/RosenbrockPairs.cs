using Ravine.Objectives;

namespace Ravine.Problems;

/// <summary>
/// The residual pairs of MGH problem 21 shifted by s, F̂₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²) + 10s and F̂₂ᵢ = 1 − x₂ᵢ₋₁ + s, and what
/// the problems built on them share (n even, x0 = (−1.2, 1, …), the only solution x* = 1, f* = 0):
/// <see cref="ExtendedRosenbrock"/> (no shift) and <see cref="SingularRosenbrock"/> (the Schnabel–Frank shift).
/// </summary>
internal abstract class RosenbrockPairs : ITestProblem, IKnowsDistanceToSolutions
{
    /// <summary>The problem in <paramref name="dimension"/> variables (even, ≥ 2).</summary>
    protected RosenbrockPairs(int dimension) => Dimension = ProblemArguments.EvenDimension(dimension, 2, "Extended Rosenbrock");

    public abstract string Name { get; }

    public abstract string Title { get; }

    public double[] Start => ProblemArguments.Alternating(Dimension, -1.2, 1);

    public int Dimension { get; }

    public double OptimalValue => 0;

    public abstract double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>x* = 1 is the only zero of the residuals, so dist(x, S) = ‖x − 1‖.</summary>
    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, Dimension);
        return ProblemArguments.DistanceToConstant(x, 1);
    }

    /// <summary>
    /// The shift that leaves the residuals exactly as unshifted: −0 is the additive identity of every double, including
    /// −0 itself, where +0 is not (−0 + +0 = +0).
    /// </summary>
    protected const double NoShift = -0.0;

    /// <summary>
    /// Σᵢ (F̂₂ᵢ₋₁² + F̂₂ᵢ²), with <paramref name="gradient"/> set to 2F'(x)ᵀF̂ (the gradient with the shift held fixed)
    /// and <paramref name="shiftTerm"/> = (F'(x*)·1)·F̂, F'(x*)·1 = (−10, −1) per pair, from which the caller adds the
    /// shift's own part of the gradient.
    /// </summary>
    protected static double Evaluate(ReadOnlySpan<double> x, Span<double> gradient, double shift, out double shiftTerm)
    {
        double f = 0, c = 0;
        for (int i = 0; i < x.Length; i += 2)
        {
            double u = x[i];
            double r1 = 10 * (x[i + 1] - u * u) + 10 * shift;
            double r2 = 1 - u + shift;
            f += r1 * r1 + r2 * r2;
            c += -10 * r1 - r2;
            gradient[i] = 2 * (-20 * u * r1 - r2);
            gradient[i + 1] = 20 * r1;
        }
        shiftTerm = c;
        return f;
    }
}
