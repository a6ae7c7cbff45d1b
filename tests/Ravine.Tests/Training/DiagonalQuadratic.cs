using Ravine.Training;

namespace Ravine.Tests.Training;

/// <summary>
/// A test fixture: f(x) = ½ Σᵢ λᵢ xᵢ² for every example (the examples only count), so its Hessian is diag(λ) exactly.
/// </summary>
internal sealed class DiagonalQuadratic(double[] eigenvalues, int examples = 10) : IMiniBatchObjective
{
    public int Dimension => eigenvalues.Length;
    public int ExampleCount => examples;
    public bool IsClassifier => false;

    public void InitialPoint(ulong seed, Span<double> x) => x.Fill(1);

    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, Span<double> gradient)
    {
        for (int i = 0; i < x.Length; i++) gradient[i] = eigenvalues[i] * x[i];
        return Value(x, examples);
    }

    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<int> examples)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++) f += 0.5 * eigenvalues[i] * x[i] * x[i];
        return f;
    }

    public void HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, ReadOnlySpan<double> direction, Span<double> product)
    {
        for (int i = 0; i < x.Length; i++) product[i] = eigenvalues[i] * direction[i];
    }

    public HeldOutScore Score(ReadOnlySpan<double> x, EvaluationSet set) => new(Value(x, default), double.NaN, examples);
}
