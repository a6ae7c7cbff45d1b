using Ravine.Randomness;

namespace Ravine.Objectives;

/// <summary>
/// Checks an objective's analytic gradient against central finite differences of its values, coordinate by
/// coordinate. Run it on your own <see cref="IObjective"/> before trusting a method's behaviour on it: a wrong
/// gradient entry makes every gradient method misbehave in ways that look like slow convergence.
/// </summary>
/// <remarks>
/// <para>
/// For each checked coordinate i the numeric derivative is fdᵢ = (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / (h⁺ᵢ + h⁻ᵢ), where
/// hᵢ = <see cref="GradientCheckOptions.RelativeStep"/> · max(1, |xᵢ|) (default ∛ε ≈ 6.1e-6, which balances the
/// O(h²) truncation error against the O(ε/h) round-off error of f) and h⁺ᵢ, h⁻ᵢ are the steps actually
/// representable in floating point, so the quotient divides by the true distance between the two points.
/// </para>
/// <para>
/// The error of coordinate i is |gᵢ − fdᵢ| / max(|gᵢ|, |fdᵢ|, s) with the <em>scale</em>
/// s = max(‖∇f(x)‖∞, <see cref="GradientCheckOptions.AbsoluteScale"/>): an entry is judged relative to itself when it
/// is among the large ones and relative to the largest entry of the gradient when it is nearly zero, so a tiny entry
/// computed as exactly zero does not register as a 100 % error from finite-difference noise. An error of exactly
/// 0/0 (both derivatives zero) counts as 0. At a stationary point the whole gradient is nearly zero: set
/// <see cref="GradientCheckOptions.AbsoluteScale"/> to the gradient size you care about there.
/// </para>
/// <para>
/// Cost: one oracle call at x and two per checked coordinate. For large n check a seeded random subset of the
/// coordinates (<see cref="GradientCheckOptions.Coordinates"/>).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var check = GradientChecker.Check(myObjective, x);
/// Console.WriteLine(check);                 // max relative error, worst coordinate, both values
/// if (!check.Passed(1e-6)) throw new InvalidOperationException(check.ToString());
/// </code>
/// </example>
public static class GradientChecker
{
    /// <summary>Compares ∇f(x) with central finite differences of f at <paramref name="x"/>.</summary>
    /// <param name="objective">The objective to check.</param>
    /// <param name="x">The point, of length <see cref="IObjective.Dimension"/>, with finite entries.</param>
    /// <param name="options">Which coordinates, the step and the scale; <see cref="GradientCheckOptions.Default"/> when null.</param>
    /// <returns>The worst coordinate and the error of every checked coordinate.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length or a non-finite entry.</exception>
    public static GradientCheckResult Check(IObjective objective, ReadOnlySpan<double> x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        options ??= GradientCheckOptions.Default;
        int n = objective.Dimension;
        if (x.Length != n)
            throw new ArgumentException($"The point has length {x.Length} but the objective has dimension {n}.", nameof(x));
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(x[i]))
                throw new ArgumentException($"The point has a non-finite entry x[{i}] = {x[i]}.", nameof(x));

        var gradient = new double[n];
        var probeGradient = new double[n];
        var scratch = new double[n];
        double value = objective.Evaluate(x, gradient);
        double largest = 0;
        foreach (double g in gradient) largest = Math.Max(largest, Math.Abs(g)); // Math.Max propagates NaN
        double scale = Math.Max(largest, options.AbsoluteScale);

        int[] coordinates = ChooseCoordinates(n, options);
        var errors = new double[coordinates.Length];
        var analyticChecked = new double[coordinates.Length];
        var numeric = new double[coordinates.Length];
        x.CopyTo(scratch);
        int worst = 0;
        for (int k = 0; k < coordinates.Length; k++)
        {
            int i = coordinates[k];
            double xi = x[i];
            double h = options.RelativeStep * Math.Max(1, Math.Abs(xi));
            double up = xi + h, down = xi - h;
            scratch[i] = up;
            double fUp = objective.Evaluate(scratch, probeGradient);
            scratch[i] = down;
            double fDown = objective.Evaluate(scratch, probeGradient);
            scratch[i] = xi;
            // Divide by the distance actually stepped: xᵢ ± h are rounded, h itself is not what separates them.
            double fd = numeric[k] = (fUp - fDown) / (up - down);
            double analytic = analyticChecked[k] = gradient[i];
            double difference = Math.Abs(analytic - fd);
            double denominator = Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(fd)), scale);
            errors[k] = difference == 0 ? 0 : difference / denominator; // NaN or ∞ stays: it must fail
            if (!double.IsNaN(errors[worst]) && !(errors[k] <= errors[worst])) worst = k; // the first NaN is the worst
        }

        return new GradientCheckResult(n, value, scale, options.RelativeStep, coordinates, analyticChecked, numeric, errors, worst);
    }

    private static int[] ChooseCoordinates(int n, GradientCheckOptions options)
    {
        if (options.Coordinates is not int count || count >= n)
            return Enumerable.Range(0, n).ToArray();
        // A partial Fisher–Yates shuffle: the first count entries are a uniform sample without replacement.
        var indices = Enumerable.Range(0, n).ToArray();
        var rng = new Xoshiro256StarStar(options.Seed);
        for (int k = 0; k < count; k++)
        {
            int j = k + UniformBelow(rng, (ulong)(n - k));
            (indices[k], indices[j]) = (indices[j], indices[k]);
        }
        var chosen = indices[..count];
        Array.Sort(chosen);
        return chosen;
    }

    private static int UniformBelow(Xoshiro256StarStar rng, ulong bound)
    {
        // Rejection sampling: the accepted range is a whole number of copies of [0, bound), so there is no modulo bias.
        ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong r;
        do r = rng.NextUInt64(); while (r >= limit);
        return (int)(r % bound);
    }
}
