namespace Ravine.Problems;

/// <summary>
/// The part of the teacher–student loss between neurons of different teachers, computed so that it keeps its accuracy
/// next to the solution set, where its O(‖v‖²) terms cancel to O(dist²). See <see cref="TeacherStudent"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each student belongs to the group of its nearest teacher (by angle); group j holds those students with masses
/// mᵢ = ‖wᵢ‖ and teacher j with mass −‖vⱼ‖, of total μⱼ. The loss's nonlinear part sums mₚm_q s(θₚq) over all pairs; for
/// the pairs between groups j &lt; l this is exactly
/// μⱼμₗ s(θⱼₗ) + Σ_{p∈j, q∈l} mₚm_q (s(θₚq) − s(θⱼₗ)), θⱼₗ the teachers' angle.
/// Next to a solution μⱼ → 0 and θₚq − θⱼₗ → 0, and both are computed with relative accuracy: μⱼ from the norms, and
/// θₚq − θⱼₗ from the unit directions ûₚ = v̂ⱼ + eₚ, where eₚ = −2 sin²(θ/2) v̂ⱼ + sin θ p̂ (θ the student's angle to
/// its teacher, p̂ the direction of its component orthogonal to v̂ⱼ) has relative accuracy (a plain ûₚ − v̂ⱼ would
/// carry an absolute error ε). With θ = 2·atan2(‖û − ŵ‖, ‖û + ŵ‖), the difference of two angles is 2·atan2 of
/// (y₁ − y₀)x₀ − (x₁ − x₀)y₀ over x₁x₀ + y₁y₀, and y₁ − y₀ = (y₁² − y₀²)/(y₁ + y₀) with
/// y₁² − y₀² = (eₚ − e_q)·(2(v̂ⱼ − v̂ₗ) + eₚ − e_q) (x likewise with sums). The error of the whole is then about
/// ε·dist instead of ε, so f stays accurate down to f ≈ dist³ ≈ ε·dist, dist ≈ 1e-8, rather than dist ≈ 1e-5.
/// </para>
/// <para>The groups change with the point, but the identity holds for any grouping, so f is the same function.</para>
/// </remarks>
internal sealed class TeacherStudentCrossTerms
{
    private readonly int _n, _k, _d;
    private readonly double[] _teachers, _units, _teacherNorms;
    private readonly double[] _differences, _sums, _differenceNorms, _sumNorms, _teacherAngles;
    private readonly double[] _offsets, _masses;

    /// <param name="teachers">The k×d teachers, row-major (kept, not copied).</param>
    /// <param name="teacherNorms">Their norms.</param>
    /// <param name="n">The number of students.</param>
    public TeacherStudentCrossTerms(double[] teachers, double[] teacherNorms, int n)
    {
        _k = teacherNorms.Length;
        _d = teachers.Length / _k;
        _n = n;
        _teachers = teachers;
        _teacherNorms = teacherNorms;
        _units = new double[teachers.Length];
        for (int i = 0; i < teachers.Length; i++) _units[i] = teachers[i] / teacherNorms[i / _d];
        _differences = new double[_k * _k * _d];
        _sums = new double[_k * _k * _d];
        _differenceNorms = new double[_k * _k];
        _sumNorms = new double[_k * _k];
        _teacherAngles = new double[_k * _k];
        for (int j = 0; j < _k; j++)
            for (int l = j + 1; l < _k; l++)
            {
                int pair = j * _k + l;
                Span<double> difference = _differences.AsSpan(pair * _d, _d), sum = _sums.AsSpan(pair * _d, _d);
                for (int e = 0; e < _d; e++)
                {
                    difference[e] = _units[j * _d + e] - _units[l * _d + e];
                    sum[e] = _units[j * _d + e] + _units[l * _d + e];
                }
                _differenceNorms[pair] = Math.Sqrt(FusedSums.SumOfSquares(difference));
                _sumNorms[pair] = Math.Sqrt(FusedSums.SumOfSquares(sum));
                _teacherAngles[pair] = 2 * Math.Atan2(_differenceNorms[pair], _sumNorms[pair]);
            }
        _offsets = new double[n * _d];
        _masses = new double[_k];
    }

    /// <summary>
    /// Σ over pairs of neurons in different groups of mₚm_q s(θₚq), for students W (n×d) with norms ‖wᵢ‖ and angles
    /// θᵢⱼ to the teachers (n×k).
    /// </summary>
    /// <param name="students">W, n×d row-major.</param>
    /// <param name="norms">‖wᵢ‖.</param>
    /// <param name="angles">θᵢⱼ, n×k row-major.</param>
    /// <param name="groups">Each student's group, the nearest teacher (written here; the caller sums within groups).</param>
    public double Sum(ReadOnlySpan<double> students, ReadOnlySpan<double> norms, ReadOnlySpan<double> angles, Span<int> groups)
    {
        int n = _n, k = _k, d = _d;
        for (int j = 0; j < k; j++) _masses[j] = -_teacherNorms[j];
        for (int i = 0; i < n; i++)
        {
            int nearest = 0;
            for (int j = 1; j < k; j++)
                if (angles[i * k + j] < angles[i * k + nearest]) nearest = j;
            groups[i] = nearest;
            _masses[nearest] += norms[i];
            if (norms[i] != 0) Offset(students.Slice(i * d, d), norms[i], nearest, angles[i * k + nearest], _offsets.AsSpan(i * d, d));
        }
        if (k == 1) return 0;

        double total = 0;
        for (int j = 0; j < k; j++)
            for (int l = j + 1; l < k; l++)
                total += _masses[j] * _masses[l] * ReluKernel.SinMinusThetaCos(_teacherAngles[j * k + l]);
        // mₚm_q Δs over student–student and student–teacher pairs across groups (teacher–teacher pairs have Δs = 0).
        for (int p = 0; p < n; p++)
        {
            if (norms[p] == 0) continue;
            for (int q = p + 1; q < n; q++)
                if (norms[q] != 0 && groups[q] != groups[p])
                    total += norms[p] * norms[q] * AngleStep(p, groups[p], q, groups[q]);
            for (int l = 0; l < k; l++)
                if (l != groups[p])
                    total -= norms[p] * _teacherNorms[l] * AngleStep(p, groups[p], -1, l);
        }
        return total;
    }

    /// <summary>ûᵢ − v̂ⱼ with relative accuracy (see remarks).</summary>
    private void Offset(ReadOnlySpan<double> w, double norm, int j, double theta, Span<double> offset)
    {
        ReadOnlySpan<double> unit = _units.AsSpan(j * _d, _d), v = _teachers.AsSpan(j * _d, _d);
        // c = ‖v‖w − ‖w‖v, each entry with one rounding (as in ReluKernel.Angle); the norms' errors move it along v only,
        // and its part orthogonal to v̂, kept below, has relative accuracy.
        double normV = _teacherNorms[j], along = 0;
        for (int e = 0; e < _d; e++)
        {
            double product = norm * v[e];
            double error = Math.FusedMultiplyAdd(-norm, v[e], product);
            offset[e] = Math.FusedMultiplyAdd(normV, w[e], -product) + error;
            along = Math.FusedMultiplyAdd(offset[e], unit[e], along);
        }
        double squares = 0;
        for (int e = 0; e < _d; e++)
        {
            offset[e] = Math.FusedMultiplyAdd(-along, unit[e], offset[e]);
            squares = Math.FusedMultiplyAdd(offset[e], offset[e], squares);
        }
        double half = Math.Sin(theta / 2), radial = -2 * half * half, tangential = squares == 0 ? 0 : Math.Sin(theta) / Math.Sqrt(squares);
        for (int e = 0; e < _d; e++) offset[e] = Math.FusedMultiplyAdd(radial, unit[e], tangential * offset[e]);
    }

    /// <summary>
    /// s(θₚq) − s(θⱼₗ) for student p of group j and student q (or, with q = −1, teacher l itself) of group l ≠ j.
    /// </summary>
    private double AngleStep(int p, int j, int q, int l)
    {
        // Orient the pair as the teachers' difference is stored (first index the smaller group).
        bool swap = j > l;
        int first = swap ? q : p, second = swap ? p : q, pair = swap ? l * _k + j : j * _k + l;
        ReadOnlySpan<double> difference = _differences.AsSpan(pair * _d, _d), sum = _sums.AsSpan(pair * _d, _d);
        ReadOnlySpan<double> a = first < 0 ? default : _offsets.AsSpan(first * _d, _d), b = second < 0 ? default : _offsets.AsSpan(second * _d, _d);
        double dMinus = 0, dPlus = 0, yy = 0, xx = 0;
        for (int e = 0; e < _d; e++)
        {
            double ea = a.IsEmpty ? 0 : a[e], eb = b.IsEmpty ? 0 : b[e];
            double minus = ea - eb, plus = ea + eb;
            dMinus = Math.FusedMultiplyAdd(minus, 2 * difference[e] + minus, dMinus);
            dPlus = Math.FusedMultiplyAdd(plus, 2 * sum[e] + plus, dPlus);
            double y = difference[e] + minus, x = sum[e] + plus;
            yy = Math.FusedMultiplyAdd(y, y, yy);
            xx = Math.FusedMultiplyAdd(x, x, xx);
        }
        double y0 = _differenceNorms[pair], x0 = _sumNorms[pair], y1 = Math.Sqrt(yy), x1 = Math.Sqrt(xx);
        double dy = dMinus / (y1 + y0), dx = dPlus / (x1 + x0);
        double delta = 2 * Math.Atan2(Math.FusedMultiplyAdd(dy, x0, -dx * y0), Math.FusedMultiplyAdd(x1, x0, y1 * y0));
        // s(a + δ) − s(a) = 2 sin(δ/2)(cos m + (a + δ) sin m) − δ cos a, m = a + δ/2: every term O(δ), none cancels to O(ε).
        double angle = _teacherAngles[pair], middle = angle + delta / 2;
        return 2 * Math.Sin(delta / 2) * (Math.Cos(middle) + (angle + delta) * Math.Sin(middle)) - delta * Math.Cos(angle);
    }
}
