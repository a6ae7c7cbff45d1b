using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// n ReLU student neurons w₁, …, wₙ ∈ R^d learning k ≤ n teacher neurons v₁, …, vₖ on the population loss
/// f(W) = E_{x~N(0,I_d)} ½ (Σᵢ σ(wᵢᵀx) − Σⱼ σ(vⱼᵀx))², σ = ReLU, f* = 0: <see cref="SingleNeuron"/> is n = 2, k = 1.
/// The variable is W, n×d row-major (student i is entries i·d … i·d + d − 1).
/// </summary>
/// <remarks>
/// <para>
/// Closed form through the kernel h(u, w) = uᵀw/2 + ‖u‖‖w‖ s(θ)/(2π) of <see cref="ReluKernel"/>, summed over pairs:
/// f = ¼‖r‖² + (1/2π)(Σ_{i&lt;i'} s(θᵢᵢ')‖wᵢ‖‖wᵢ'‖ − Σ_{i,j} s(θᵢⱼ)‖wᵢ‖‖vⱼ‖ + Σ_{j&lt;j'} s(θⱼⱼ')‖vⱼ‖‖vⱼ'‖), r = Σᵢwᵢ − Σⱼvⱼ.
/// ∇_{wᵢ}f = ½r + (1/2π)(Σⱼ θᵢⱼvⱼ − Σ_{i'≠i} θᵢᵢ'wᵢ') + ρᵢwᵢ, ρᵢ = (Σ_{i'≠i}‖wᵢ'‖ sin θᵢᵢ' − Σⱼ‖vⱼ‖ sin θᵢⱼ)/(2π‖wᵢ‖);
/// a zero student gets ∇_u h(0, w) = w/4, as in <see cref="SingleNeuron"/>. With n = 2, k = 1 every operation is the
/// single neuron's, in its order, except that r is an error-free cascade over all n + k terms.
/// </para>
/// <para>
/// Solutions (f = 0): with linearly independent teachers, Σᵢσ(wᵢᵀx) = Σⱼσ(vⱼᵀx) forces every student to be a
/// nonnegative multiple of one teacher, the multiples of each teacher summing to 1 (zero students allowed), since the
/// only linear relations among ReLUs of distinct directions come from antipodal pairs (σ(z) − σ(−z) = z). The set is a
/// union of products of simplices, one per assignment of students to teachers covering every teacher, and
/// <see cref="DistanceToSolutions"/> is the least distance over the kⁿ assignments (<see cref="TeacherStudentSolutions"/>).
/// </para>
/// <para>
/// Accuracy next to the solution set: terms between nearly aligned neurons keep their relative accuracy (stable angles,
/// series s(θ)), and r is exact to a few ε. With k ≥ 2 the terms between neurons of different teachers are O(‖v‖²) and
/// cancel only in their sum; summed directly they would leave f an absolute error of a few ε·Σⱼ‖vⱼ‖² (1e-16, at
/// distance ≈ 1e-5 from the solutions on the default instance), so they are summed by teacher groups instead
/// (<see cref="TeacherStudentCrossTerms"/>), which brings their error down to about ε·dist.
/// </para>
/// <para>
/// Instances (<see cref="Generate"/>): teachers are Gaussian directions scaled to unit norm (linearly independent with
/// probability 1, so the solution set is the one above); students are N(0, I/d), of norm ≈ 1 like the teachers, as the
/// single neuron's students are of its teacher's norm. The buffers make an instance single-threaded.
/// </para>
/// </remarks>
internal sealed class TeacherStudent : ITestProblem, IKnowsDistanceToSolutions
{
    /// <summary>The default input dimension d.</summary>
    public const int DefaultInputDimension = 50;

    /// <summary>The default number of students n.</summary>
    public const int DefaultStudents = 4;

    /// <summary>The default number of teachers k.</summary>
    public const int DefaultTeachers = 2;

    private const double InverseTwoPi = 1 / (2 * Math.PI);

    private readonly int _d, _n, _k;
    private readonly double[] _teachers, _teacherNorms, _start;
    private readonly double[] _norms, _studentAngles, _teacherAngles, _residual;
    private readonly TeacherStudentSolutions _solutions;
    private readonly TeacherStudentCrossTerms _crossTerms;
    private readonly int[] _groups;

    /// <summary>The problem with teachers V (k×d row-major) and the start W (n×d row-major); the arrays are copied.</summary>
    /// <exception cref="ArgumentException">Sizes that do not fit, a non-finite entry, or a zero teacher.</exception>
    public TeacherStudent(double[] students, double[] teachers, int inputDimension)
    {
        ArgumentNullException.ThrowIfNull(students);
        ArgumentNullException.ThrowIfNull(teachers);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDimension, 1);
        int d = inputDimension;
        if (teachers.Length == 0 || teachers.Length % d != 0)
            throw new ArgumentException($"The teachers have {teachers.Length} entries, not a positive multiple of d = {d}.", nameof(teachers));
        if (students.Length == 0 || students.Length % d != 0)
            throw new ArgumentException($"The students have {students.Length} entries, not a positive multiple of d = {d}.", nameof(students));
        ProblemArguments.CheckFinite(students, nameof(students));
        ProblemArguments.CheckFinite(teachers, nameof(teachers));
        (_d, _n, _k) = (d, students.Length / d, teachers.Length / d);
        if (_k > _n)
            throw new ArgumentException($"{_k} teachers but {_n} students: the students cannot represent the teachers (k ≤ n is needed for f* = 0).", nameof(students));
        _teachers = (double[])teachers.Clone();
        _start = (double[])students.Clone();
        _teacherNorms = new double[_k];
        for (int j = 0; j < _k; j++)
        {
            _teacherNorms[j] = Math.Sqrt(FusedSums.SumOfSquares(Row(_teachers, j)));
            if (_teacherNorms[j] == 0)
                throw new ArgumentException($"Teacher {j} is zero: it adds nothing, and the solution set's simplices need a direction.", nameof(teachers));
        }
        _norms = new double[_n];
        _studentAngles = new double[_n * _n];
        _teacherAngles = new double[_n * _k];
        _residual = new double[d];
        _solutions = new TeacherStudentSolutions(_teachers, _n, _k, d);
        _crossTerms = new TeacherStudentCrossTerms(_teachers, _teacherNorms, _n);
        _groups = new int[_n];
    }

    /// <summary>
    /// An instance of a seed: from one <see cref="Xoshiro256StarStar"/>(<paramref name="seed"/>), the k teachers, then
    /// the n students (see <see cref="Draw"/>).
    /// </summary>
    public static TeacherStudent Generate(ulong seed, int inputDimension = DefaultInputDimension, int students = DefaultStudents, int teachers = DefaultTeachers)
    {
        var (v, w) = Draw(new Xoshiro256StarStar(seed), inputDimension, students, teachers);
        return new TeacherStudent(w, v, inputDimension);
    }

    /// <summary>The network a title names, the same words for the population and the sampled problem.</summary>
    internal static string Network(int students, int teachers, int d) =>
        $"{students} ReLU students learning {teachers} teacher{(teachers == 1 ? "" : "s")} (d = {d})";

    /// <summary>
    /// The k teachers (each d Gaussian draws in index order, divided by their norm), then the n students (each d
    /// Gaussian draws divided by √d), row-major; the sampled version draws its inputs after these.
    /// </summary>
    internal static (double[] Teachers, double[] Students) Draw(Xoshiro256StarStar rng, int d, int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(d, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, k);
        double[] teachers = rng.NextGaussians(k * d);
        for (int j = 0; j < k; j++)
        {
            Span<double> v = teachers.AsSpan(j * d, d);
            double norm = Math.Sqrt(FusedSums.SumOfSquares(v));
            foreach (ref double e in v) e /= norm;
        }
        double[] students = rng.NextGaussians(n * d);
        double scale = 1 / Math.Sqrt(d);
        foreach (ref double e in students.AsSpan()) e *= scale;
        return (teachers, students);
    }

    /// <summary>d, the input dimension.</summary>
    public int InputDimension => _d;

    /// <summary>n, the number of students.</summary>
    public int Students => _n;

    /// <summary>k, the number of teachers.</summary>
    public int Teachers => _k;

    /// <summary>The teachers V, k×d row-major (a fresh copy each call).</summary>
    public double[] TeacherWeights => (double[])_teachers.Clone();

    /// <inheritdoc />
    public string Name => "teacher-student";

    /// <inheritdoc />
    public string Title => $"{Network(_n, _k, _d)}, population loss";

    /// <inheritdoc />
    public double[] Start => (double[])_start.Clone();

    /// <inheritdoc />
    public int Dimension => _n * _d;

    /// <inheritdoc />
    public double OptimalValue => 0;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, _n * _d);
        int n = _n, k = _k;
        for (int i = 0; i < n; i++) _norms[i] = Math.Sqrt(FusedSums.SumOfSquares(Row(x, i)));
        double residualSquares = Residual(x);

        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++)
                _teacherAngles[i * k + j] = ReluKernel.Angle(Row(x, i), _norms[i], Row(_teachers, j), _teacherNorms[j]);
        for (int i = 0; i < n; i++)
            for (int q = i + 1; q < n; q++)
                _studentAngles[i * n + q] = _studentAngles[q * n + i] = ReluKernel.Angle(Row(x, i), _norms[i], Row(x, q), _norms[q]);
        double across = _crossTerms.Sum(x, _norms, _teacherAngles, _groups);
        // The pairs within a group, in the single neuron's order (students, then teachers): with k = 1 that is all of them.
        double pairs = 0;
        for (int i = 0; i < n; i++)
            for (int q = i + 1; q < n; q++)
                if (_groups[i] == _groups[q])
                    pairs += ReluKernel.SinMinusThetaCos(_studentAngles[i * n + q]) * _norms[i] * _norms[q];
        for (int i = 0; i < n; i++)
            pairs -= ReluKernel.SinMinusThetaCos(_teacherAngles[i * k + _groups[i]]) * _norms[i] * _teacherNorms[_groups[i]];
        double f = 0.25 * residualSquares + InverseTwoPi * (pairs + across);

        for (int i = 0; i < n; i++)
        {
            double radial = 0;
            if (_norms[i] != 0)
            {
                // Summed in the single neuron's order (students, then teachers) so that n = 2, k = 1 matches it.
                double sines = 0;
                for (int q = 0; q < n; q++)
                    if (q != i) sines += _norms[q] * Math.Sin(_studentAngles[i * n + q]);
                for (int j = 0; j < k; j++)
                    sines -= _teacherNorms[j] * Math.Sin(_teacherAngles[i * k + j]);
                radial = InverseTwoPi * sines / _norms[i];
            }
            WriteGradient(x, i, radial, gradient.Slice(i * _d, _d));
        }
        return f;
    }

    /// <inheritdoc />
    public double DistanceToSolutions(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, _n * _d);
        return _solutions.Distance(x);
    }

    /// <summary>
    /// r = Σᵢwᵢ − Σⱼvⱼ into the buffer, each entry an error-free cascade (Knuth's TwoSum) over the n + k terms with the
    /// errors added at the end, so it is accurate relative to itself when it is tiny beside the weights; returns ‖r‖².
    /// </summary>
    private double Residual(ReadOnlySpan<double> x)
    {
        int d = _d, i = 0;
        Span<double> r = _residual;
        double squares = 0;
        if (d >= Vector256<double>.Count)
        {
            var accumulator = Vector256<double>.Zero;
            for (; i <= d - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var s = Vector256.Create(x.Slice(i, Vector256<double>.Count));
                var error = Vector256<double>.Zero;
                for (int q = 1; q < _n; q++)
                    s = TwoSum(s, Vector256.Create(x.Slice(q * d + i, Vector256<double>.Count)), ref error);
                for (int j = 0; j < _k; j++)
                    s = TwoSum(s, -Vector256.Create(_teachers.AsSpan(j * d + i, Vector256<double>.Count)), ref error);
                var ri = s + error;
                ri.CopyTo(r.Slice(i, Vector256<double>.Count));
                accumulator = Vector256.FusedMultiplyAdd(ri, ri, accumulator);
            }
            squares = ReluKernel.HorizontalSum(accumulator);
        }
        for (; i < d; i++)
        {
            double s = x[i], error = 0;
            for (int q = 1; q < _n; q++) s = TwoSum(s, x[q * d + i], ref error);
            for (int j = 0; j < _k; j++) s = TwoSum(s, -_teachers[j * d + i], ref error);
            r[i] = s + error;
            squares = Math.FusedMultiplyAdd(r[i], r[i], squares);
        }
        return squares;
    }

    /// <summary>gᵢ = ½r + (ρᵢwᵢ + Σⱼ(θᵢⱼ/2π)vⱼ − Σ_{q≠i}(θᵢq/2π)w_q), the inner sum in that order.</summary>
    private void WriteGradient(ReadOnlySpan<double> x, int i, double radial, Span<double> g)
    {
        int d = _d, n = _n, k = _k, e = 0;
        ReadOnlySpan<double> r = _residual, wi = Row(x, i);
        if (d >= Vector256<double>.Count)
        {
            var half = Vector256.Create(0.5);
            var rho = Vector256.Create(radial);
            for (; e <= d - Vector256<double>.Count; e += Vector256<double>.Count)
            {
                var angular = rho * Vector256.Create(wi.Slice(e, Vector256<double>.Count));
                for (int j = 0; j < k; j++)
                    angular = Vector256.FusedMultiplyAdd(Vector256.Create(InverseTwoPi * _teacherAngles[i * k + j]),
                        Vector256.Create(_teachers.AsSpan(j * d + e, Vector256<double>.Count)), angular);
                for (int q = 0; q < n; q++)
                    if (q != i)
                        angular = Vector256.FusedMultiplyAdd(Vector256.Create(-InverseTwoPi * _studentAngles[i * n + q]),
                            Vector256.Create(x.Slice(q * d + e, Vector256<double>.Count)), angular);
                (half * Vector256.Create(r.Slice(e, Vector256<double>.Count)) + angular).CopyTo(g.Slice(e, Vector256<double>.Count));
            }
        }
        for (; e < d; e++)
        {
            double angular = radial * wi[e];
            for (int j = 0; j < k; j++) angular = Math.FusedMultiplyAdd(InverseTwoPi * _teacherAngles[i * k + j], _teachers[j * d + e], angular);
            for (int q = 0; q < n; q++)
                if (q != i) angular = Math.FusedMultiplyAdd(-InverseTwoPi * _studentAngles[i * n + q], x[q * d + e], angular);
            g[e] = 0.5 * r[e] + angular;
        }
    }

    private ReadOnlySpan<double> Row(ReadOnlySpan<double> matrix, int row) => matrix.Slice(row * _d, _d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TwoSum(Vector256<double> a, Vector256<double> b, ref Vector256<double> error)
    {
        var s = a + b;
        var bb = s - a;
        error += (a - (s - bb)) + (b - bb);
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TwoSum(double a, double b, ref double error)
    {
        double s = a + b;
        double bb = s - a;
        error += (a - (s - bb)) + (b - bb);
        return s;
    }
}
