using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// <see cref="TeacherStudent"/> on m samples instead of the expectation: f(W) = (1/2m) Σₛ (Σᵢ σ(wᵢᵀxₛ) − yₛ)²,
/// yₛ = Σⱼ σ(vⱼᵀxₛ), xₛ ~ N(0, I_d) seeded; f* = 0, since the teachers are realizable (students = teachers, the rest zero).
/// </summary>
/// <remarks>
/// <para>
/// With Zᵀ = W·Xᵀ (n×m), rₛ = Σᵢ σ(Zᵢₛ) − yₛ and Dᵢₛ = rₛ·1[Zᵢₛ &gt; 0]/m, the gradient is D·X (n×d): both products are
/// <see cref="RowMajorGemm"/> with the long side m as the columns, so the vector kernel runs even for n = 4 students.
/// σ'(0) is taken as 0. Xᵀ is kept beside X, the data never change; the n×m intermediates live in buffers, so a call
/// allocates nothing and an instance is single-threaded.
/// </para>
/// <para>
/// Degeneracy differs from the population loss: at a split wᵢ = aᵢv, moving the students off the teacher's line
/// changes no sample's output as long as no sample changes sign (σ(wᵢᵀx) = wᵢᵀx on both sides), so f is exactly 0 on a
/// full-dimensional neighbourhood of the split inside its span, and grows quadratically away from that larger set
/// instead of cubically. There is no closed form of that set, so the distance is not known.
/// </para>
/// </remarks>
internal sealed class TeacherStudentSampled : ITestProblem
{
    /// <summary>The default number of samples m.</summary>
    public const int DefaultSamples = 1000;

    private readonly int _d, _n, _k, _m;
    private readonly double[] _start, _inputs, _inputsTransposed, _targets;
    private readonly double[] _activations, _residual;

    /// <summary>
    /// The problem with teachers V (k×d row-major), the start W (n×d row-major) and the inputs X (m×d row-major); the
    /// arrays are copied.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes that do not fit, or a non-finite entry.</exception>
    public TeacherStudentSampled(double[] students, double[] teachers, double[] inputs, int inputDimension)
    {
        ArgumentNullException.ThrowIfNull(students);
        ArgumentNullException.ThrowIfNull(teachers);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDimension, 1);
        int d = inputDimension;
        foreach (var (array, name) in new[] { (students, nameof(students)), (teachers, nameof(teachers)), (inputs, nameof(inputs)) })
        {
            if (array.Length == 0 || array.Length % d != 0)
                throw new ArgumentException($"{name} has {array.Length} entries, not a positive multiple of d = {d}.", name);
            ProblemArguments.CheckFinite(array, name);
        }
        (_d, _n, _m) = (d, students.Length / d, inputs.Length / d);
        int k = _k = teachers.Length / d;
        if (k > _n)
            throw new ArgumentException($"{k} teachers but {_n} students: the students cannot represent the teachers (k ≤ n is needed for f* = 0).", nameof(students));
        _start = (double[])students.Clone();
        _inputs = (double[])inputs.Clone();
        _inputsTransposed = new double[inputs.Length];
        for (int s = 0; s < _m; s++)
            for (int e = 0; e < d; e++)
                _inputsTransposed[e * _m + s] = inputs[s * d + e];
        _activations = new double[Math.Max(_n, k) * _m];
        _residual = new double[_m];
        _targets = new double[_m];
        // y through the students' own path, so a student copy of the teachers reproduces it bit for bit.
        SumOfReluOutputs(teachers, k, _targets);
    }

    /// <summary>
    /// An instance of a seed: <see cref="TeacherStudent.Draw"/>'s teachers and students (the population problem's of the
    /// same seed), then the m inputs, each d Gaussian draws in index order.
    /// </summary>
    public static TeacherStudentSampled Generate(ulong seed, int inputDimension = TeacherStudent.DefaultInputDimension, int students = TeacherStudent.DefaultStudents,
        int teachers = TeacherStudent.DefaultTeachers, int samples = DefaultSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var rng = new Xoshiro256StarStar(seed);
        var (v, w) = TeacherStudent.Draw(rng, inputDimension, students, teachers);
        return new TeacherStudentSampled(w, v, rng.NextGaussians(samples * inputDimension), inputDimension);
    }

    /// <summary>d, the input dimension.</summary>
    public int InputDimension => _d;

    /// <summary>m, the number of samples.</summary>
    public int Samples => _m;

    /// <inheritdoc />
    public string Name => "teacher-student-sampled";

    /// <inheritdoc />
    public string Title => $"{TeacherStudent.Network(_n, _k, _d)}, {_m:N0} samples";

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
        int m = _m;
        Span<double> r = _residual;
        SumOfReluOutputs(x, _n, r);
        TensorPrimitives.Subtract(r, _targets, r);
        double squares = TensorPrimitives.Dot(r, r);

        // D = (r/m)·1[Z > 0] row by row, over Z in place.
        Span<double> z = _activations.AsSpan(0, _n * m);
        var scale = Vector256.Create(1.0 / m);
        for (int i = 0; i < _n; i++)
        {
            Span<double> zi = z.Slice(i * m, m);
            int s = 0;
            for (; s <= m - Vector256<double>.Count; s += Vector256<double>.Count)
            {
                var active = Vector256.GreaterThan(Vector256.Create(zi.Slice(s, Vector256<double>.Count)), Vector256<double>.Zero);
                (Vector256.Create(r.Slice(s, Vector256<double>.Count)) * scale & active).CopyTo(zi.Slice(s, Vector256<double>.Count));
            }
            for (; s < m; s++) zi[s] = zi[s] > 0 ? r[s] * (1.0 / m) : 0;
        }
        RowMajorGemm.Multiply(z, _inputs, gradient, _n, m, _d);
        return squares / (2 * m);
    }

    /// <summary>Zᵀ = W·Xᵀ (rows × m) into the activation buffer, and Σᵢ σ(Zᵢₛ) into <paramref name="outputs"/>.</summary>
    private void SumOfReluOutputs(ReadOnlySpan<double> weights, int rows, Span<double> outputs)
    {
        Span<double> z = _activations.AsSpan(0, rows * _m);
        RowMajorGemm.Multiply(weights, _inputsTransposed, z, rows, _d, _m);
        outputs.Clear();
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> zi = z.Slice(i * _m, _m);
            int s = 0;
            for (; s <= _m - Vector256<double>.Count; s += Vector256<double>.Count)
                (Vector256.Create(outputs.Slice(s, Vector256<double>.Count)) + Vector256.Max(Vector256.Create(zi.Slice(s, Vector256<double>.Count)), Vector256<double>.Zero))
                    .CopyTo(outputs.Slice(s, Vector256<double>.Count));
            for (; s < _m; s++) outputs[s] += Math.Max(zi[s], 0);
        }
    }
}
