using System.Globalization;

namespace Ravine.Objectives;

/// <summary>
/// The outcome of <see cref="GradientChecker.Check"/>: the worst coordinate with its analytic and finite-difference
/// derivatives, and the relative error of every checked coordinate (see <see cref="GradientChecker"/> for the formula).
/// </summary>
public sealed class GradientCheckResult
{
    internal GradientCheckResult(int dimension, double value, double scale, double relativeStep, int[] coordinates,
        double[] analytic, double[] numeric, double[] errors, int worst)
    {
        Dimension = dimension;
        Value = value;
        Scale = scale;
        RelativeStep = relativeStep;
        Coordinates = coordinates;
        Analytic = analytic;
        Numeric = numeric;
        RelativeErrors = errors;
        _worst = worst;
    }

    private readonly int _worst;

    /// <summary>n, the objective's dimension.</summary>
    public int Dimension { get; }

    /// <summary>f(x) at the checked point.</summary>
    public double Value { get; }

    /// <summary>The scale s = max(‖∇f(x)‖∞, AbsoluteScale) in the denominators of the relative errors.</summary>
    public double Scale { get; }

    /// <summary>The relative step that was used: hᵢ = RelativeStep · max(1, |xᵢ|).</summary>
    public double RelativeStep { get; }

    /// <summary>The checked coordinates, ascending.</summary>
    public IReadOnlyList<int> Coordinates { get; }

    /// <summary>The analytic derivatives ∂f/∂xᵢ of the checked coordinates (same order as <see cref="Coordinates"/>).</summary>
    public IReadOnlyList<double> Analytic { get; }

    /// <summary>The central finite differences of the checked coordinates (same order as <see cref="Coordinates"/>).</summary>
    public IReadOnlyList<double> Numeric { get; }

    /// <summary>The relative error of each checked coordinate (same order as <see cref="Coordinates"/>); NaN when a value was not finite.</summary>
    public IReadOnlyList<double> RelativeErrors { get; }

    /// <summary>The largest relative error (NaN if any was NaN).</summary>
    public double MaxRelativeError => RelativeErrors[_worst];

    /// <summary>The coordinate with the largest relative error.</summary>
    public int WorstCoordinate => Coordinates[_worst];

    /// <summary>The analytic derivative at <see cref="WorstCoordinate"/>.</summary>
    public double WorstAnalytic => Analytic[_worst];

    /// <summary>The finite-difference derivative at <see cref="WorstCoordinate"/>.</summary>
    public double WorstNumeric => Numeric[_worst];

    /// <summary>
    /// True when every checked coordinate has relative error ≤ <paramref name="tolerance"/> (NaN errors fail).
    /// With the default step, a correct gradient of a smooth, accurately computed f gives errors around 1e-9 to 1e-11;
    /// 1e-6 leaves room for moderately large third derivatives and round-off in f.
    /// </summary>
    public bool Passed(double tolerance = 1e-6)
    {
        if (!(tolerance >= 0))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be ≥ 0.");
        return MaxRelativeError <= tolerance;
    }

    /// <summary>
    /// One line, e.g. <c>Gradient check of 2/2 coordinates: max relative error 3.1e-11 at coordinate 0 (analytic
    /// 9.8160000e+00, finite difference 9.8160000e+00); scale 9.816e+00, f(x) = 1.52e+00.</c>
    /// </summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Gradient check of {Coordinates.Count}/{Dimension} coordinates: max relative error {MaxRelativeError:0.0e+00} at coordinate {WorstCoordinate} " +
        $"(analytic {WorstAnalytic:0.0000000e+00}, finite difference {WorstNumeric:0.0000000e+00}); scale {Scale:0.000e+00}, f(x) = {Value:0.00e+00}.");
}
