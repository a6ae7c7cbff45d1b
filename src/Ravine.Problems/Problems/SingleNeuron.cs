using Ravine.Objectives;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// Learning a single ReLU neuron v with two over-parameterized ReLU neurons w₁, w₂ ∈ R^d, on the population loss
/// f(w₁, w₂) = E_{x~N(0,I_d)} ½ (σ(w₁ᵀx) + σ(w₂ᵀx) − σ(vᵀx))², σ = ReLU, f* = 0 (published: d = 100).
/// The variable is x = (w₁, w₂) concatenated, of length 2d.
/// </summary>
/// <remarks>
/// <para>
/// Closed form, with θ(u, w) the angle between u and w and s(θ) = sin θ − θ cos θ:
/// h(u, w) = E[σ(uᵀx)σ(wᵀx)] = ‖u‖‖w‖(sin θ + (π − θ) cos θ)/(2π) = uᵀw/2 + ‖u‖‖w‖ s(θ)/(2π), and
/// f = ¼‖w₁ + w₂ − v‖² + (1/2π)(s(θ₁₂)‖w₁‖‖w₂‖ − s(θ₁ᵥ)‖w₁‖‖v‖ − s(θ₂ᵥ)‖w₂‖‖v‖).
/// ∇_u h(u, w) = ((π − θ)w + ‖w‖ sin θ · u/‖u‖)/(2π), so ∇_{w₁}f = ½w₁ + ∇_{w₁}h(w₁, w₂) − ∇_{w₁}h(w₁, v), which is
/// evaluated as ½(w₁ + w₂ − v) + (−θ₁₂w₂ + θ₁ᵥv)/(2π) + (‖w₂‖ sin θ₁₂ − ‖v‖ sin θ₁ᵥ) w₁/(2π‖w₁‖), and symmetrically
/// for w₂.
/// </para>
/// <para>
/// The solution set is {(αv, (1 − α)v) : α ∈ [0, 1]}, where f is exactly 0. Next to it every term of f is tiny and
/// f is their small difference, so the evaluation is built to keep relative accuracy there: angles from
/// 2·atan2(‖û − ŵ‖, ‖û + ŵ‖) with error-free products (<see cref="ReluKernel.Angle"/>), s(θ) from its series for
/// small θ (<see cref="ReluKernel.SinMinusThetaCos"/>), and w₁ + w₂ − v with an error-free sum. With the authors'
/// acos form the loss drowns in round-off at distance ≈ 1e-7, a Polyak step then divides noise by noise, and
/// GDPolyak is thrown back out; with this one it keeps contracting.
/// </para>
/// <para>
/// A zero neuron: h(0, w) = 0, so f is continuous there, but h(·, w) is only positively homogeneous at 0 and has
/// no gradient. The oracle returns ∇_u h(0, w) = w/4, the average of the directional limits over all directions of
/// u (equivalently σ'(0) = ½ in E[1{uᵀx &gt; 0} x σ(wᵀx)]); at w₁ = 0 this gives ∇_{w₁}f = (w₂ − v)/4. No NaN arises.
/// </para>
/// <para>
/// Distance to the solution set (exact): α* = clamp((vᵀw₁ − vᵀw₂ + ‖v‖²)/(2‖v‖²), 0, 1),
/// dist² = ‖w₁ − α*v‖² + ‖w₂ − (1 − α*)v‖².
/// Published instance: v, w₁, w₂ standard normal in R^100.
/// </para>
/// </remarks>
public sealed class SingleNeuron : ITestProblem, IKnowsDistanceToSolutions
{
    /// <summary>The published input dimension d.</summary>
    public const int PublishedInputDimension = 100;

    private const double InverseTwoPi = 1 / (2 * Math.PI);

    private readonly int _d;
    private readonly double[] _teacher;
    private readonly double[] _start;
    private readonly double _teacherNorm, _teacherNormSquared;

    /// <summary>
    /// The problem with teacher <paramref name="teacher"/> (v) and the start (<paramref name="w1"/>, <paramref name="w2"/>),
    /// for example loaded from the authors' .npy files. The arrays are copied.
    /// </summary>
    /// <param name="w1">The first student neuron at the start, of length d ≥ 1.</param>
    /// <param name="w2">The second student neuron at the start, of length d.</param>
    /// <param name="teacher">The teacher neuron v, of length d, nonzero.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero, an entry is not finite, or v = 0.</exception>
    public SingleNeuron(double[] w1, double[] w2, double[] teacher)
    {
        ArgumentNullException.ThrowIfNull(w1);
        ArgumentNullException.ThrowIfNull(w2);
        ArgumentNullException.ThrowIfNull(teacher);
        if (teacher.Length == 0)
            throw new ArgumentException("The teacher neuron v is empty: the input dimension d must be at least 1.", nameof(teacher));
        if (w1.Length != teacher.Length)
            throw new ArgumentException($"w1 has length {w1.Length} but the teacher v has length {teacher.Length}: both student neurons and the teacher live in the same R^d.", nameof(w1));
        if (w2.Length != teacher.Length)
            throw new ArgumentException($"w2 has length {w2.Length} but the teacher v has length {teacher.Length}: both student neurons and the teacher live in the same R^d.", nameof(w2));
        ProblemArguments.CheckFinite(w1, nameof(w1));
        ProblemArguments.CheckFinite(w2, nameof(w2));
        ProblemArguments.CheckFinite(teacher, nameof(teacher));
        _d = teacher.Length;
        _teacher = (double[])teacher.Clone();
        _teacherNormSquared = FusedSums.SumOfSquares(_teacher);
        _teacherNorm = Math.Sqrt(_teacherNormSquared);
        if (_teacherNormSquared == 0)
            throw new ArgumentException("The teacher neuron v is zero (or its squared norm underflows): the solution set {(αv, (1 − α)v)} would be the single point 0 and the distance formula divides by ‖v‖².", nameof(teacher));
        _start = [.. w1, .. w2];
    }

    /// <summary>
    /// The published instance: from one <see cref="Xoshiro256StarStar"/>(<paramref name="seed"/>), first v, then w₁, then
    /// w₂, each <paramref name="inputDimension"/> standard normal draws in index order.
    /// </summary>
    public static SingleNeuron Generate(ulong seed, int inputDimension = PublishedInputDimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDimension, 1);
        var rng = new Xoshiro256StarStar(seed);
        double[] teacher = rng.NextGaussians(inputDimension);
        double[] w1 = rng.NextGaussians(inputDimension);
        double[] w2 = rng.NextGaussians(inputDimension);
        return new SingleNeuron(w1, w2, teacher);
    }

    /// <summary>d, the input dimension (each neuron has d weights; the variable has 2d).</summary>
    public int InputDimension => _d;

    /// <summary>The teacher neuron v (a fresh copy each call).</summary>
    public double[] Teacher => (double[])_teacher.Clone();

    /// <inheritdoc />
    public string Name => "single-neuron";

    /// <inheritdoc />
    public string Title => $"Single ReLU neuron learned by two neurons (d = {_d})";

    /// <inheritdoc />
    public double[] Start => (double[])_start.Clone();

    /// <inheritdoc />
    public int Dimension => 2 * _d;

    /// <inheritdoc />
    public double OptimalValue => 0;

    /// <summary>The point (αv, (1 − α)v) of the solution set, α ∈ [0, 1].</summary>
    public double[] SolutionPoint(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie in [0, 1].");
        var x = new double[2 * _d];
        for (int i = 0; i < _d; i++)
        {
            x[i] = alpha * _teacher[i];
            x[_d + i] = (1 - alpha) * _teacher[i];
        }
        return x;
    }

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, 2 * _d);
        ReadOnlySpan<double> w1 = x[.._d], w2 = x[_d..], v = _teacher;
        var (squares1, squares2, residualSquares) = NormsAndResidual(w1, w2, v);
        double norm1 = Math.Sqrt(squares1), norm2 = Math.Sqrt(squares2), normV = _teacherNorm;

        double theta12 = ReluKernel.Angle(w1, norm1, w2, norm2);
        double theta1v = ReluKernel.Angle(w1, norm1, v, normV);
        double theta2v = ReluKernel.Angle(w2, norm2, v, normV);

        double f = 0.25 * residualSquares + InverseTwoPi * (
            ReluKernel.SinMinusThetaCos(theta12) * norm1 * norm2
            - ReluKernel.SinMinusThetaCos(theta1v) * norm1 * normV
            - ReluKernel.SinMinusThetaCos(theta2v) * norm2 * normV);

        double sin12 = Math.Sin(theta12);
        // The radial coefficient multiplies w/‖w‖; a zero neuron has no direction, and the term vanishes (see remarks).
        double radial1 = norm1 == 0 ? 0 : InverseTwoPi * (norm2 * sin12 - normV * Math.Sin(theta1v)) / norm1;
        double radial2 = norm2 == 0 ? 0 : InverseTwoPi * (norm1 * sin12 - normV * Math.Sin(theta2v)) / norm2;
        WriteGradient(w1, w2, v, -InverseTwoPi * theta12, InverseTwoPi * theta1v, InverseTwoPi * theta2v, radial1, radial2,
            gradient[.._d], gradient[_d..]);
        return f;
    }

    /// <inheritdoc />
    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, 2 * _d);
        ReadOnlySpan<double> w1 = x[.._d], w2 = x[_d..];
        double difference = 0;
        for (int i = 0; i < _d; i++)
            difference = Math.FusedMultiplyAdd(_teacher[i], w1[i] - w2[i], difference);
        double alpha = Math.Clamp((difference + _teacherNormSquared) / (2 * _teacherNormSquared), 0, 1);
        double beta = 1 - alpha;
        double squares = 0;
        for (int i = 0; i < _d; i++)
        {
            double e1 = Math.FusedMultiplyAdd(-alpha, _teacher[i], w1[i]);
            double e2 = Math.FusedMultiplyAdd(-beta, _teacher[i], w2[i]);
            squares += e1 * e1 + e2 * e2;
        }
        return Math.Sqrt(squares);
    }

    /// <summary>
    /// ‖w₁‖², ‖w₂‖² and ‖w₁ + w₂ − v‖². The residual entries come from an error-free sum (Knuth's TwoSum) of w₁ + w₂
    /// and, next to the solution set, an exact subtraction of v (Sterbenz), so they are accurate to a few ε relative to
    /// themselves even when they are 1e-12 of the weights.
    /// </summary>
    private static (double Squares1, double Squares2, double ResidualSquares) NormsAndResidual(ReadOnlySpan<double> w1, ReadOnlySpan<double> w2, ReadOnlySpan<double> v)
    {
        int n = v.Length, i = 0;
        double s1 = 0, s2 = 0, sr = 0;
        if (n >= Vector256<double>.Count)
        {
            var a1 = Vector256<double>.Zero;
            var a2 = Vector256<double>.Zero;
            var ar = Vector256<double>.Zero;
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var x1 = Vector256.Create(w1.Slice(i, Vector256<double>.Count));
                var x2 = Vector256.Create(w2.Slice(i, Vector256<double>.Count));
                var r = Residual(x1, x2, Vector256.Create(v.Slice(i, Vector256<double>.Count)));
                a1 = Vector256.FusedMultiplyAdd(x1, x1, a1);
                a2 = Vector256.FusedMultiplyAdd(x2, x2, a2);
                ar = Vector256.FusedMultiplyAdd(r, r, ar);
            }
            s1 = ReluKernel.HorizontalSum(a1);
            s2 = ReluKernel.HorizontalSum(a2);
            sr = ReluKernel.HorizontalSum(ar);
        }
        for (; i < n; i++)
        {
            double r = Residual(w1[i], w2[i], v[i]);
            s1 = Math.FusedMultiplyAdd(w1[i], w1[i], s1);
            s2 = Math.FusedMultiplyAdd(w2[i], w2[i], s2);
            sr = Math.FusedMultiplyAdd(r, r, sr);
        }
        return (s1, s2, sr);
    }

    /// <summary>g₁ = ½r + c₁₂w₂ + c₁ᵥv + ρ₁w₁ and g₂ = ½r + c₁₂w₁ + c₂ᵥv + ρ₂w₂ with r = w₁ + w₂ − v.</summary>
    private static void WriteGradient(ReadOnlySpan<double> w1, ReadOnlySpan<double> w2, ReadOnlySpan<double> v,
        double c12, double c1v, double c2v, double radial1, double radial2, Span<double> g1, Span<double> g2)
    {
        int n = v.Length, i = 0;
        if (n >= Vector256<double>.Count)
        {
            var half = Vector256.Create(0.5);
            var k12 = Vector256.Create(c12);
            var k1v = Vector256.Create(c1v);
            var k2v = Vector256.Create(c2v);
            var p1 = Vector256.Create(radial1);
            var p2 = Vector256.Create(radial2);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var x1 = Vector256.Create(w1.Slice(i, Vector256<double>.Count));
                var x2 = Vector256.Create(w2.Slice(i, Vector256<double>.Count));
                var t = Vector256.Create(v.Slice(i, Vector256<double>.Count));
                var halfR = half * Residual(x1, x2, t);
                var angular1 = Vector256.FusedMultiplyAdd(k12, x2, Vector256.FusedMultiplyAdd(k1v, t, p1 * x1));
                var angular2 = Vector256.FusedMultiplyAdd(k12, x1, Vector256.FusedMultiplyAdd(k2v, t, p2 * x2));
                (halfR + angular1).CopyTo(g1.Slice(i, Vector256<double>.Count));
                (halfR + angular2).CopyTo(g2.Slice(i, Vector256<double>.Count));
            }
        }
        for (; i < n; i++)
        {
            double halfR = 0.5 * Residual(w1[i], w2[i], v[i]);
            g1[i] = halfR + Math.FusedMultiplyAdd(c12, w2[i], Math.FusedMultiplyAdd(c1v, v[i], radial1 * w1[i]));
            g2[i] = halfR + Math.FusedMultiplyAdd(c12, w1[i], Math.FusedMultiplyAdd(c2v, v[i], radial2 * w2[i]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Residual(Vector256<double> a, Vector256<double> b, Vector256<double> v)
    {
        var s = a + b;
        var bb = s - a;
        var error = (a - (s - bb)) + (b - bb); // a + b = s + error exactly
        return (s - v) + error;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Residual(double a, double b, double v)
    {
        double s = a + b;
        double bb = s - a;
        double error = (a - (s - bb)) + (b - bb);
        return (s - v) + error;
    }
}
