using Ravine.Problems;

namespace Ravine.Tests.Problems;

/// <summary>Example i is right when xᵢ has the sign of its label; f = ½‖x − labels‖²; two training and two test examples.</summary>
internal sealed class SignProblem : ITestProblem, IKnowsAccuracy
{
    private static readonly double[] Labels = [1, -1, 1, -1];
    public string Name => "signs";
    public string Title => "signs";
    public double[] Start => [-1, 1, -1, 1];
    public double OptimalValue => 0;
    public int Dimension => 4;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double f = 0;
        for (int i = 0; i < 4; i++)
        {
            gradient[i] = x[i] - Labels[i];
            f += 0.5 * gradient[i] * gradient[i];
        }
        return f;
    }

    public double TrainAccuracy(ReadOnlySpan<double> x) => Correct(x, 0);
    public double TestAccuracy(ReadOnlySpan<double> x) => Correct(x, 2);
    private static double Correct(ReadOnlySpan<double> x, int from) =>
        ((Math.Sign(x[from]) == Math.Sign(Labels[from]) ? 1 : 0) + (Math.Sign(x[from + 1]) == Math.Sign(Labels[from + 1]) ? 1 : 0)) / 2.0;
}
