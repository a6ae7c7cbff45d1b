using Ravine.Autodiff;

namespace Ravine.Tests.Autodiff;

/// <summary>
/// Every operation of the tape, differentiated by the tape and by finite differences: the gradient, and the exact
/// Hessian-vector product against central differences of the gradient. Each program feeds the operation's result
/// through a quadratic and a fixed linear form, so that its backward rule and the rule's tangent are both exercised.
/// </summary>
public class OperationGradientTests
{
    private static readonly Dictionary<string, (int Dimension, Func<Tape, Tensor, Tensor> Operation)> Operations = new()
    {
        ["matmul"] = (12 + 8, (t, x) => t.MatMul(t.Slice(x, 0, new(3, 4)), t.Slice(x, 12, new(4, 2)))),
        ["matmul by a constant"] = (12, (t, x) => t.MatMul(t.Constant([1, 2, 0.5, -1, 3, 0.25, -2, 1], new(2, 4)), t.Reshape(x, new(4, 3)))),
        ["add-bias"] = (12 + 4, (t, x) => t.AddBias(t.Slice(x, 0, new(3, 4)), t.Slice(x, 12, new(4)))),
        ["add"] = (12, (t, x) => t.Add(t.Slice(x, 0, new(6)), t.Slice(x, 6, new(6)))),
        ["subtract"] = (12, (t, x) => t.Subtract(t.Slice(x, 0, new(6)), t.Slice(x, 6, new(6)))),
        ["multiply"] = (12, (t, x) => t.Multiply(t.Slice(x, 0, new(6)), t.Slice(x, 6, new(6)))),
        ["multiply by itself"] = (6, (t, x) => t.Multiply(x, x)),
        ["relu"] = (10, (t, x) => t.Relu(x)),
        ["tanh"] = (10, (t, x) => t.Tanh(x)),
        ["sigmoid"] = (10, (t, x) => t.Sigmoid(x)),
        ["exp"] = (10, (t, x) => t.Exp(x)),
        ["log"] = (10, (t, x) => t.Log(t.Exp(x))),
        ["log of a square"] = (10, (t, x) => t.Log(t.Add(t.Square(x), t.Constant([.. Enumerable.Repeat(0.5, 10)], new(10))))),
        ["square"] = (10, (t, x) => t.Square(x)),
        ["scale"] = (10, (t, x) => t.Scale(x, -2.5)),
        ["sum"] = (10, (t, x) => t.Sum(t.Square(x))),
        ["mean"] = (10, (t, x) => t.Mean(t.Tanh(x))),
        ["reshape"] = (12, (t, x) => t.Reshape(t.Tanh(x), new(2, 3, 2))),
        ["conv2d 3×3, padding 1"] = (2 * 4 * 5 * 3 + 27 * 2, (t, x) =>
            t.Conv2d(t.Slice(x, 0, new(2, 4, 5, 3)), t.Slice(x, 120, new(27, 2)), kernel: 3, padding: 1)),
        ["conv2d 3×3, no padding"] = (1 * 5 * 4 * 2 + 18 * 3, (t, x) =>
            t.Conv2d(t.Slice(x, 0, new(1, 5, 4, 2)), t.Slice(x, 40, new(18, 3)), kernel: 3, padding: 0)),
        ["conv2d of constant images"] = (9 * 2, (t, x) =>
            t.Conv2d(t.Constant(TapeChecks.Gaussians(5, 2 * 4 * 4), new(2, 4, 4, 1)), t.Reshape(x, new(9, 2)), kernel: 3, padding: 1)),
        ["max-pool"] = (2 * 4 * 4 * 3, (t, x) => t.MaxPool(t.Reshape(x, new(2, 4, 4, 3)))),
        ["avg-pool"] = (2 * 4 * 4 * 3, (t, x) => t.AvgPool(t.Reshape(x, new(2, 4, 4, 3)))),
        ["softmax cross-entropy"] = (4 * 5, (t, x) => t.SoftmaxCrossEntropy(t.Reshape(x, new(4, 5)), [3, 0, 4, 4])),
        ["mean squared error"] = (12, (t, x) => t.MeanSquaredError(t.Slice(x, 0, new(6)), t.Slice(x, 6, new(6)))),
        ["mean squared error against a constant"] = (6, (t, x) => t.MeanSquaredError(t.Tanh(x), t.Constant([0.1, -0.2, 0.3, 0.4, -0.5, 0.6], new(6)))),
    };

    public static TheoryData<string> Names => [.. Operations.Keys];

    /// <summary>loss = ½ Σ y² + Σ cₖ yₖ of the operation's result y: nonlinear, so the rules' tangents matter.</summary>
    private static TensorObjective Objective(string name)
    {
        var (dimension, operation) = Operations[name];
        return TensorObjective.Create(dimension, (tape, x) =>
        {
            var y = operation(tape, x);
            var weights = tape.Constant(TapeChecks.Gaussians(99, y.Length), y.Shape);
            return tape.Add(tape.Scale(tape.Sum(tape.Square(y)), 0.5), tape.Sum(tape.Multiply(y, weights)));
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_gradient_matches_finite_differences(string name)
    {
        var objective = Objective(name);
        var x = TapeChecks.Gaussians(1, objective.Dimension, 0.7);
        Assert.InRange(TapeChecks.GradientError(objective, x), 0, 1e-7);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_Hessian_vector_product_matches_finite_differences_of_the_gradient(string name)
    {
        var objective = Objective(name);
        var x = TapeChecks.Gaussians(2, objective.Dimension, 0.7);
        var v = TapeChecks.Gaussians(3, objective.Dimension);
        Assert.InRange(TapeChecks.HessianVectorError(objective, x, v), 0, 1e-7);
    }

    [Fact]
    public void A_tangent_recording_gives_the_same_loss_and_gradient_as_a_plain_one()
    {
        var objective = Objective("conv2d 3×3, padding 1");
        var x = TapeChecks.Gaussians(4, objective.Dimension);
        var gradient = new double[x.Length];
        double f = objective.Evaluate(x, gradient);
        Assert.Equal(f, objective.HessianVectorProduct(x, TapeChecks.Gaussians(5, x.Length), new double[x.Length]));
    }
}
