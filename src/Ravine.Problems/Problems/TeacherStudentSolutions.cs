namespace Ravine.Problems;

/// <summary>
/// The distance from students W (n×d) to the teacher–student solution set: the union, over the assignments of the n
/// students to the k teachers that use every teacher, of the sets {wᵢ = aᵢv_{j(i)} : a ≥ 0, Σ_{i→j} aᵢ = 1 for each j}
/// (a zero student is one with aᵢ = 0). See <see cref="TeacherStudent"/>.
/// </summary>
/// <remarks>
/// For one assignment the set is a product of simplices, one per teacher, and the nearest point of each factor
/// minimizes Σᵢ‖wᵢ − aᵢv‖² = ‖v‖²Σᵢ(aᵢ − yᵢ)² + const, yᵢ = wᵢᵀv/‖v‖²: the Euclidean projection of y onto the simplex.
/// The distance of each assignment is then summed from the entries wᵢ − aᵢv themselves, not from the expansion, which
/// would cancel to nothing next to the solution set. All kⁿ assignments are tried, which bounds n and k
/// (<see cref="MaxAssignments"/>). For n = 2, k = 1 this is <see cref="SingleNeuron.DistanceToSolutions"/>'s formula.
/// The buffers make an instance single-threaded.
/// </remarks>
internal sealed class TeacherStudentSolutions
{
    /// <summary>The most assignments kⁿ the exact distance enumerates (a traced run computes it every iteration).</summary>
    public const long MaxAssignments = 1 << 16;

    private readonly double[] _teachers, _teacherSquares;
    private readonly int _n, _k, _d;
    private readonly int[] _assignment;
    private readonly double[] _dots, _coefficients, _group;

    /// <param name="teachers">The k×d teachers, row-major (kept, not copied).</param>
    /// <param name="n">The number of students.</param>
    /// <param name="k">The number of teachers.</param>
    /// <param name="d">The input dimension.</param>
    /// <exception cref="ArgumentException">kⁿ exceeds <see cref="MaxAssignments"/>.</exception>
    public TeacherStudentSolutions(double[] teachers, int n, int k, int d)
    {
        if (Math.Pow(k, n) > MaxAssignments)
            throw new ArgumentException($"{k} teachers and {n} students make {Math.Pow(k, n):G3} assignments; the exact distance to the solution set enumerates at most {MaxAssignments:N0}.", nameof(n));
        (_teachers, _n, _k, _d) = (teachers, n, k, d);
        _teacherSquares = new double[k];
        for (int j = 0; j < k; j++) _teacherSquares[j] = FusedSums.SumOfSquares(teachers.AsSpan(j * d, d));
        _assignment = new int[n];
        _dots = new double[n * k];
        _coefficients = new double[n];
        _group = new double[n];
    }

    /// <summary>dist(W, S), W n×d row-major.</summary>
    public double Distance(ReadOnlySpan<double> students)
    {
        int n = _n, k = _k, d = _d;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++)
            {
                double dot = 0;
                for (int e = 0; e < d; e++) dot = Math.FusedMultiplyAdd(students[i * d + e], _teachers[j * d + e], dot);
                _dots[i * k + j] = dot / _teacherSquares[j];
            }
        Array.Clear(_assignment);
        double best = double.PositiveInfinity;
        do
        {
            if (!CoversEveryTeacher()) continue;
            for (int j = 0; j < k; j++) ProjectGroup(j);
            best = Math.Min(best, SquaredDistance(students));
        } while (NextAssignment());
        return Math.Sqrt(best);
    }

    private bool CoversEveryTeacher()
    {
        for (int j = 0; j < _k; j++)
            if (Array.IndexOf(_assignment, j) < 0) return false;
        return true;
    }

    /// <summary>The assignments in counting order (student 0 the fastest digit); false after the last.</summary>
    private bool NextAssignment()
    {
        for (int i = 0; i < _n; i++)
        {
            if (++_assignment[i] < _k) return true;
            _assignment[i] = 0;
        }
        return false;
    }

    /// <summary>aᵢ for the students of teacher j: y projected onto the simplex, aᵢ = max(yᵢ − τ, 0) with Σ aᵢ = 1.</summary>
    private void ProjectGroup(int j)
    {
        int m = 0;
        for (int i = 0; i < _n; i++)
            if (_assignment[i] == j) _group[m++] = _dots[i * _k + j];
        Span<double> sorted = _group.AsSpan(0, m);
        sorted.Sort();
        // τ from the largest values down: the last count c with u_c > (Σ_{r≤c} u_r − 1)/c, u descending.
        double sum = 0, tau = 0;
        for (int c = 1; c <= m; c++)
        {
            double u = sorted[m - c];
            sum += u;
            double candidate = (sum - 1) / c;
            if (u > candidate) tau = candidate;
        }
        for (int i = 0; i < _n; i++)
            if (_assignment[i] == j) _coefficients[i] = Math.Max(_dots[i * _k + j] - tau, 0);
    }

    private double SquaredDistance(ReadOnlySpan<double> students)
    {
        double squares = 0;
        for (int i = 0; i < _n; i++)
        {
            int j = _assignment[i];
            double a = _coefficients[i];
            for (int e = 0; e < _d; e++)
            {
                double difference = Math.FusedMultiplyAdd(-a, _teachers[j * _d + e], students[i * _d + e]);
                squares = Math.FusedMultiplyAdd(difference, difference, squares);
            }
        }
        return squares;
    }
}
